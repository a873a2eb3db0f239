using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Cotravail.Modules.Locations;

namespace Cotravail.Modules.Demo;

/// Fills an empty database with a realistic demo network (DemoData.cs); accounts are in DemoAccounts.
internal sealed partial class DemoSeeder(AppDb db, UserManager<User> users, TimeProvider clock, DemoBilling billing, DemoSubscriptions subscriptions, DemoActivity activity)
{
    public async Task<bool> SeedIfEmptyAsync(CancellationToken ct = default)
    {
        if (await db.Locations.AnyAsync(ct) || await db.Users.AnyAsync(ct))
        {
            return false;
        }
        await SeedAsync(ct);
        // Billing goes through the real use cases, each issue its own transaction: after the network is committed.
        await billing.SeedAsync(ct);
        await subscriptions.SeedAsync(ct);
        await activity.SeedAsync(ct);
        return true;
    }

    private partial Task SeedAsync(CancellationToken ct);
}
