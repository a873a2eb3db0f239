using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Microsoft.EntityFrameworkCore;
using Cotravail.Modules.Locations;

namespace Cotravail.Modules.Resources;

internal static class ResourceAccess
{
    /// Admins see all; staff their locations' resources; members and visitors active resources of active locations.
    public static IQueryable<Resource> VisibleTo(this IQueryable<Resource> resources, AppDb db, AccessScope scope)
    {
        if (scope.IsNetworkAdmin)
        {
            return resources;
        }
        if (scope.IsStaff)
        {
            var ids = scope.StaffLocations;
            return resources.Where(r => ids.Contains(r.LocationId));
        }
        return resources.Where(r => r.IsActive && db.Set<Location>().Any(l => l.Id == r.LocationId && l.IsActive));
    }

    public static async Task<ResourceResponse?> ResponseAsync(AppDb db, Resource resource, CancellationToken ct)
    {
        var location = await db.Locations.AsNoTracking().Where(l => l.Id == resource.LocationId)
            .Select(l => new { l.Name, l.Currency }).FirstAsync(ct);
        return ResourceResponse.From(resource, location.Name, location.Currency);
    }
}
