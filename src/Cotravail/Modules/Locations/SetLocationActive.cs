using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Locations;

/// Deactivating hides a location from the public and from booking; nothing is deleted.
internal static class SetLocationActive
{
    public static async Task<Result<LocationResponse>> HandleAsync(Guid id, bool active, AppDb db, AccessScope scope, CancellationToken ct)
    {
        var location = await db.Locations.VisibleTo(scope).FirstOrDefaultAsync(l => l.Id == id, ct);
        if (location is null)
        {
            return new NotFound("Location");
        }
        if (!scope.IsNetworkAdmin)
        {
            return new Forbidden();
        }
        if (active)
        {
            location.Activate();
        }
        else
        {
            location.Deactivate();
        }
        await db.SaveChangesAsync(ct);
        return LocationResponse.From(location);
    }
}
