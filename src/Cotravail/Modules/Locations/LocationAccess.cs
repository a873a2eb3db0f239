using Cotravail.Common.Auth;

namespace Cotravail.Modules.Locations;

internal static class LocationAccess
{
    /// Admins see every location; staff the ones they work at; members and visitors the active ones.
    public static IQueryable<Location> VisibleTo(this IQueryable<Location> locations, AccessScope scope)
    {
        if (scope.IsNetworkAdmin)
        {
            return locations;
        }
        if (scope.IsStaff)
        {
            var ids = scope.StaffLocations;
            return locations.Where(l => ids.Contains(l.Id));
        }
        return locations.Where(l => l.IsActive);
    }
}
