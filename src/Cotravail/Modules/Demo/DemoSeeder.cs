using Cotravail.Common.Database;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Demo;

internal sealed partial class DemoSeeder(AppDb db)
{
    public async Task<bool> SeedIfEmptyAsync(CancellationToken ct = default)
    {
        if (await db.Locations.AnyAsync(ct) || await db.Users.AnyAsync(ct))
        {
            return false;
        }
        await SeedAsync(ct);
        return true;
    }

    private static partial Task SeedAsync(CancellationToken ct);
}
