using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Modules.Locations;

namespace Cotravail.Modules.Offers;

internal static class OfferAccess
{
    /// The catalogue is public: anyone sees the active offers of the network and of active locations; staff every
    /// active offer (a closed location's too) and their locations' inactive ones; network admins everything.
    public static IQueryable<Offer> VisibleTo(this IQueryable<Offer> offers, AppDb db, AccessScope scope)
    {
        if (scope.IsNetworkAdmin)
        {
            return offers;
        }
        if (scope.IsStaff)
        {
            var staff = scope.StaffLocations;
            return offers.Where(o => o.IsActive || (o.LocationId != null && staff.Contains(o.LocationId.Value)));
        }
        return offers.Where(o => o.IsActive && (o.LocationId == null || db.Set<Location>().Any(l => l.Id == o.LocationId && l.IsActive)));
    }

    /// The location's managers manage its offers; network admins every offer, network offers included.
    public static bool CanManage(this AccessScope scope, Guid? locationId) =>
        locationId is { } id ? scope.CanManage(id) : scope.IsNetworkAdmin;

    /// Offers valid at a location: its own, and the network's that list it or list none.
    public static IQueryable<Offer> ValidAt(this IQueryable<Offer> offers, Guid locationId) =>
        offers.Where(o => o.LocationId == locationId
            || (o.LocationId == null && (!o.OpenedLocations.Any() || o.OpenedLocations.Any(x => x.LocationId == locationId))));
}
