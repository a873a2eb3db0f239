using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Resources;

internal static class GetResource
{
    public static async Task<Result<ResourceResponse>> HandleAsync(Guid id, AppDb db, AccessScope scope, CancellationToken ct)
    {
        var resource = await db.Resources.VisibleTo(db, scope).AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        return resource is null ? new NotFound("Resource") : (await ResourceAccess.ResponseAsync(db, resource, ct))!;
    }
}
