using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Locations;

internal static class GetLocation
{
    public static async Task<Result<LocationResponse>> HandleAsync(Guid id, AppDb db, AccessScope scope, CancellationToken ct)
    {
        var location = await db.Locations.VisibleTo(scope).AsNoTracking().FirstOrDefaultAsync(l => l.Id == id, ct);
        return location is null ? new NotFound("Location") : LocationResponse.From(location);
    }
}
