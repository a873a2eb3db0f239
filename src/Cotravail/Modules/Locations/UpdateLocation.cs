using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Locations;

/// Admins and the location's managers change its details, hours and rates.
internal static class UpdateLocation
{
    public static async Task<Result<LocationResponse>> HandleAsync(Guid id, LocationInput input, AppDb db, AccessScope scope, CancellationToken ct)
    {
        var location = await db.Locations.VisibleTo(scope).FirstOrDefaultAsync(l => l.Id == id, ct);
        if (location is null)
        {
            return new NotFound("Location");
        }
        if (!scope.CanManage(id))
        {
            return new Forbidden();
        }
        if (!string.IsNullOrWhiteSpace(input.Slug) && input.Slug != location.Slug)
        {
            if (await db.Locations.AnyAsync(l => l.Slug == input.Slug && l.Id != id, ct))
            {
                return new Conflict(nameof(LocationInput.Slug), "Another location already uses this web address.");
            }
            location.Slug = input.Slug;
        }
        input.ApplyTo(location);
        await db.SaveChangesAsync(ct);
        return LocationResponse.From(location);
    }
}
