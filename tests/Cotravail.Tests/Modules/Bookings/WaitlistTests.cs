using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Modules.Bookings;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Modules.Bookings;

/// Waiting for a taken slot: the first in line gets it when it frees up, and is told.
public abstract class WaitlistTests(TestApp app)
{
    private DateTime Day(int ahead) =>
        TimeZoneInfo.ConvertTimeFromUtc(app.Clock.GetUtcNow().UtcDateTime, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).Date.AddDays(ahead);

    private static object Slot(BookingWorld world, DateTime start) => new
    {
        resourceId = world.Room,
        start = start.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
        end = start.AddHours(1).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task When_the_slot_frees_up_the_first_in_line_gets_it_and_the_second_keeps_waiting()
    {
        var world = await BookingWorld.CreateAsync(app);
        var holder = await world.NewMemberAsync();
        var first = await world.NewMemberAsync();
        var second = await world.NewMemberAsync();
        var start = Day(3).AddHours(10);
        using var held = await world.BookAsync(holder.Client, world.Room, start, start.AddHours(1));
        var heldId = (await held.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        (await first.Client.PostAsJsonAsync("/api/v1/bookings/waitlist", Slot(world, start))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await second.Client.PostAsJsonAsync("/api/v1/bookings/waitlist", Slot(world, start))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await holder.Client.PostAsync($"/api/v1/bookings/{heldId}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var owners = await app.WithDbAsync(db => db.Bookings.Where(b => b.ResourceId == world.Room && b.Status == BookingStatus.Confirmed).Select(b => b.MemberId).ToListAsync());
        owners.ShouldBe([first.MemberId]);
        (await app.WithDbAsync(db => db.Outbox.CountAsync(m => m.To == first.Email))).ShouldBe(1);
        var waiting = await second.Client.GetFromJsonAsync<JsonElement>("/api/v1/me/waitlist");
        waiting.GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task A_free_slot_cannot_be_waited_for_and_leaving_the_line_works()
    {
        var world = await BookingWorld.CreateAsync(app);
        var holder = await world.NewMemberAsync();
        var waiter = await world.NewMemberAsync();
        var start = Day(4).AddHours(14);

        (await waiter.Client.PostAsJsonAsync("/api/v1/bookings/waitlist", Slot(world, start))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await world.BookAsync(holder.Client, world.Room, start, start.AddHours(1))).StatusCode.ShouldBe(HttpStatusCode.Created);
        using var joined = await waiter.Client.PostAsJsonAsync("/api/v1/bookings/waitlist", Slot(world, start));
        var id = (await joined.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await holder.Client.DeleteAsync($"/api/v1/waitlist/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await waiter.Client.DeleteAsync($"/api/v1/waitlist/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task A_slot_freed_by_a_released_no_show_goes_to_the_waitlist_on_the_next_sweep()
    {
        var world = await BookingWorld.CreateAsync(app);
        var absent = await world.NewMemberAsync();
        var waiter = await world.NewMemberAsync();
        var start = Day(5).AddHours(9);
        using var held = await world.BookAsync(absent.Client, world.Room, start, start.AddHours(1));
        var heldId = (await held.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await waiter.Client.PostAsJsonAsync("/api/v1/bookings/waitlist", Slot(world, start))).StatusCode.ShouldBe(HttpStatusCode.Created);
        // The slot frees without the cancel endpoint (a staff decision, a release): only the sweep notices.
        await app.WithDbAsync(db => db.Bookings.Where(b => b.Id == heldId).ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BookingStatus.Declined)));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<BookingSweeper>().SweepAsync(CancellationToken.None);
        }

        (await app.WithDbAsync(db => db.Bookings.CountAsync(b => b.MemberId == waiter.MemberId && b.Status == BookingStatus.Confirmed))).ShouldBe(1);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class WaitlistTests_Sqlite(SqliteTestApp app) : WaitlistTests(app);

[Collection(PostgresCollection.Name)]
public sealed class WaitlistTests_Postgres(PostgresTestApp app) : WaitlistTests(app);
