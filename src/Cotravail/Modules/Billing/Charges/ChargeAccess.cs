using Cotravail.Common.Auth;

namespace Cotravail.Modules.Billing;

internal static class ChargeAccess
{
    /// Staff: the charges of their locations; network admins: all. Members see what they owe on their invoices.
    public static IQueryable<Charge> VisibleTo(this IQueryable<Charge> charges, AccessScope scope)
    {
        if (scope.IsNetworkAdmin)
        {
            return charges;
        }
        var locations = scope.StaffLocations;
        return charges.Where(c => locations.Contains(c.LocationId));
    }
}
