using Cotravail.Common.Audit;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Locations;

/// Admins and the location's managers change its details, hours and rates. A time-zone change never
/// silently moves future bookings: with some, the caller chooses what they keep (ITimeZoneChange).
internal static class UpdateLocation
{
    public static async Task<Result<LocationResponse>> HandleAsync(Guid id, LocationInput input, AppDb db, AccessScope scope, AuditTrail audit, TimeProvider clock,
        ITimeZoneChange zoneChange, CancellationToken ct)
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
        var formerZone = location.TimeZone;
        input.ApplyTo(location);
        if (formerZone != location.TimeZone)
        {
            var saved = await zoneChange.SaveAsync(db, location, formerZone, input.FutureBookings, audit, clock, ct);
            return saved.IsOk ? LocationResponse.From(location) : saved.Error;
        }
        await db.SaveChangesAsync(ct);
        return LocationResponse.From(location);
    }
}
