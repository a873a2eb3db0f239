using Cotravail.Common;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Locations;

/// Network admins open a new space.
internal static class CreateLocation
{
    public static async Task<Result<LocationResponse>> HandleAsync(LocationInput input, AppDb db, AccessScope scope, TimeProvider clock, CancellationToken ct)
    {
        if (!scope.IsNetworkAdmin)
        {
            return new Forbidden();
        }
        var slug = string.IsNullOrWhiteSpace(input.Slug) ? Slug.From(input.Name) : input.Slug;
        if (slug.Length == 0)
        {
            return new Invalid(nameof(LocationInput.Slug), "Choose a web address made of letters and digits.");
        }
        if (await db.Locations.AnyAsync(l => l.Slug == slug, ct))
        {
            return new Conflict(nameof(LocationInput.Slug), "Another location already uses this web address.");
        }
        var location = new Location(input.Name.Trim(), slug, input.TimeZone, input.Currency) { CreatedAt = clock.GetUtcNow().UtcDateTime };
        input.ApplyTo(location);
        db.Locations.Add(location);
        await db.SaveChangesAsync(ct);
        return LocationResponse.From(location);
    }
}
