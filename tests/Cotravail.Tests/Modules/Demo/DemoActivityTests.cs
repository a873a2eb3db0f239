using System.Net;
using Cotravail.Modules.Bookings;
using Cotravail.Modules.Demo;
using Cotravail.Modules.Locations;
using Cotravail.Tests.Infrastructure;
using Cotravail.Tests.Modules.Billing;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Modules.Demo;

/// The demo as a newcomer starts it (Cotravail:DemoActivity on, the default): the timelines of Paris and Lyon
/// hold a lived-in week, today's begun bookings checked in but for a few, the later ones made by the engine.
public abstract class DemoActivityTests(TestApp app)
{
    [Fact]
    public async Task The_demo_starts_with_bookings_on_each_open_day_of_the_coming_week_in_Paris_and_Lyon()
    {
        await using var scratch = await app.CreateScratchDatabaseAsync();
        var data = Directory.CreateTempSubdirectory("cotravail-demo-activity-");
        // The app runs in a process of its own on the real clock (not the tests' TestClock); its demo seeds from its
        // today to four days ahead, so the day read before it starts holds its next four days even across a midnight.
        var before = TimeProvider.System.GetUtcNow().UtcDateTime;
        try
        {
            await using (var started = await AppProcess.StartAsync(scratch, data.FullName, settings: new Dictionary<string, string> { ["Cotravail__DemoActivity"] = "true" }))
            {
                using var health = await started.Client.GetAsync("/healthz");
                health.StatusCode.ShouldBe(HttpStatusCode.OK);
            }
            await using var db = scratch.NewDb();
            foreach (var slug in new[] { DemoAccounts.ParisSlug, DemoAccounts.LyonSlug })
            {
                var location = await db.Locations.AsNoTracking().SingleAsync(l => l.Slug == slug);
                var zone = TimeZoneInfo.FindSystemTimeZoneById(location.TimeZone);
                var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(before, zone));
                var bookings = await db.Bookings.AsNoTracking()
                    .Where(b => b.LocationId == location.Id && b.Status == BookingStatus.Confirmed)
                    .Select(b => new { b.Start, b.PriceCents, b.CheckedInAt, b.MemberId }).ToListAsync();
                var days = bookings.Select(b => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(b.Start, zone))).ToHashSet();
                var open = Enumerable.Range(1, 4).Select(today.AddDays).Where(d => IsOpen(location, d)).ToList();
                open.ShouldNotBeEmpty();
                open.ShouldAllBe(d => days.Contains(d), slug);
                bookings.Count(b => b.Start > TimeProvider.System.GetUtcNow().UtcDateTime && b.PriceCents > 0).ShouldBeGreaterThan(10, slug); // priced by the engine
                bookings.ShouldAllBe(b => b.MemberId != null);
            }
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }

    private static bool IsOpen(Location location, DateOnly day) =>
        location.OpeningHours.Any(p => p.Day == day.DayOfWeek) && !location.ClosedDays.Any(c => c.Date == day);
}

[Collection(SqliteCollection.Name)]
public sealed class DemoActivityTests_Sqlite(SqliteTestApp app) : DemoActivityTests(app);

[Collection(PostgresCollection.Name)]
public sealed class DemoActivityTests_Postgres(PostgresTestApp app) : DemoActivityTests(app);
