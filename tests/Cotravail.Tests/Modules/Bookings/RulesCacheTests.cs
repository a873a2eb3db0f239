using Cotravail.Modules.Bookings;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Resources;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Modules.Bookings;

/// The rules cache forgets what a write changed, whichever way it is written: SaveChanges (ADR 9) and the bulk
/// ExecuteUpdate/ExecuteDelete that bypass it (ADR 17), so no code has to remember to call Forget.
public abstract class RulesCacheTests(TestApp app)
{
    [Fact]
    public async Task An_ExecuteUpdate_on_a_resource_or_a_location_forgets_the_cached_rules()
    {
        var world = await BookingWorld.CreateAsync(app);
        var rules = app.Services.GetRequiredService<RulesCache>();
        var (resource, location) = (await app.WithDbAsync(db => rules.GetAsync(db, world.Room, CancellationToken.None)))!.Value;
        var before = rules.Generation;

        await app.WithDbAsync(db => db.Resources.Where(r => r.Id == world.Room).ExecuteUpdateAsync(s => s.SetProperty(r => r.Name, resource.Name + " (bulk)")));

        rules.Generation.ShouldBeGreaterThan(before);
        var again = (await app.WithDbAsync(db => rules.GetAsync(db, world.Room, CancellationToken.None)))!.Value;
        again.Resource.Name.ShouldBe(resource.Name + " (bulk)");

        var beforeLocation = rules.Generation;
        await app.WithDbAsync(db => db.Locations.Where(l => l.Id == location.Id).ExecuteUpdateAsync(s => s.SetProperty(l => l.Name, location.Name + " (bulk)")));
        rules.Generation.ShouldBeGreaterThan(beforeLocation);
        (await app.WithDbAsync(db => rules.GetAsync(db, world.Room, CancellationToken.None)))!.Value.Location.Name.ShouldBe(location.Name + " (bulk)");
    }

    [Fact]
    public async Task A_bulk_write_to_another_table_keeps_the_cache()
    {
        var world = await BookingWorld.CreateAsync(app);
        var rules = app.Services.GetRequiredService<RulesCache>();
        await app.WithDbAsync(db => rules.GetAsync(db, world.Room, CancellationToken.None));
        var before = rules.Generation;

        var nobody = Guid.NewGuid();
        await app.WithDbAsync(db => db.Bookings.Where(b => b.ResourceId == nobody).ExecuteDeleteAsync());

        rules.Generation.ShouldBe(before);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class RulesCacheTests_Sqlite(SqliteTestApp app) : RulesCacheTests(app);

[Collection(PostgresCollection.Name)]
public sealed class RulesCacheTests_Postgres(PostgresTestApp app) : RulesCacheTests(app);
