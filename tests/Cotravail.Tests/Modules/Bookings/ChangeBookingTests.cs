using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Modules.Bookings;
using Cotravail.Modules.Resources;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Modules.Bookings;

public abstract class ChangeBookingTests(TestApp app)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private DateTime Day(int daysAhead = 3) =>
        TimeZoneInfo.ConvertTimeFromUtc(app.Clock.GetUtcNow().UtcDateTime, Paris).Date.AddDays(daysAhead);

    private static string Local(DateTime local) => local.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    private static async Task<Guid> IdOf(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.IsSuccessStatusCode.ShouldBeTrue(body.ToString());
        return body.GetProperty("id").GetGuid();
    }

    private static Task<HttpResponseMessage> ChangeAsync(HttpClient client, Guid id, object body) =>
        client.PatchAsJsonAsync($"/api/v1/bookings/{id}", body);

    [Fact]
    public async Task A_member_moves_their_booking_which_is_repriced_and_emailed()
    {
        var world = await BookingWorld.CreateAsync(app);
        var member = await world.NewMemberAsync();
        var start = Day().AddHours(14);
        var id = await IdOf(await world.BookAsync(member.Client, world.Room, start, start.AddHours(2)));

        using var changed = await ChangeAsync(member.Client, id, new { start = Local(Day(4).AddHours(9)), end = Local(Day(4).AddHours(12)), title = "Atelier" });

        var body = await changed.Content.ReadFromJsonAsync<JsonElement>();
        changed.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.GetProperty("id").GetGuid().ShouldBe(id);
        body.GetProperty("localStart").GetDateTime().ShouldBe(Day(4).AddHours(9));
        body.GetProperty("price").GetDecimal().ShouldBe(75m); // 3 started hours at 25.00 beat the 90.00 half-day
        body.GetProperty("title").GetString().ShouldBe("Atelier");
        var emails = await app.WithDbAsync(db => db.Outbox.Where(o => o.To == member.Email).Select(o => o.TextBody).ToListAsync());
        emails.ShouldContain(t => t.Contains("Salle Tilleul", StringComparison.Ordinal));
        (await world.BookAsync(await world.MemberClientAsync(), world.Room, start, start.AddHours(2))).StatusCode.ShouldBe(HttpStatusCode.Created); // the old slot is free
    }

    [Fact]
    public async Task A_change_into_a_taken_slot_is_409_naming_start_and_changes_nothing()
    {
        var world = await BookingWorld.CreateAsync(app);
        var member = await world.NewMemberAsync();
        var start = Day().AddHours(9);
        var id = await IdOf(await world.BookAsync(member.Client, world.Room, start, start.AddHours(1)));
        (await world.BookAsync(await world.MemberClientAsync(), world.Room, start.AddHours(3), start.AddHours(4))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var emailsBefore = await app.WithDbAsync(db => db.Outbox.CountAsync(o => o.To == member.Email)); // the confirmation

        using var refused = await ChangeAsync(member.Client, id, new { start = Local(start.AddHours(2)), end = Local(start.AddHours(4)) });

        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("start", out _).ShouldBeTrue();
        var row = await app.WithDbAsync(db => db.Bookings.SingleAsync(b => b.Id == id));
        row.Start.ShouldBe(TimeZoneInfo.ConvertTimeToUtc(start, Paris));
        row.Status.ShouldBe(BookingStatus.Confirmed);
        (await app.WithDbAsync(db => db.Outbox.CountAsync(o => o.To == member.Email))).ShouldBe(emailsBefore);
    }

    [Fact]
    public async Task Moving_within_its_own_slot_and_to_another_resource_works_and_others_cannot_change_it()
    {
        var world = await BookingWorld.CreateAsync(app);
        var member = await world.NewMemberAsync();
        var start = Day().AddHours(10);
        var id = await IdOf(await world.BookAsync(member.Client, world.Room, start, start.AddHours(2)));

        (await ChangeAsync(await world.MemberClientAsync(), id, new { end = Local(start.AddHours(3)) })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var longer = await ChangeAsync(member.Client, id, new { end = Local(start.AddHours(3)) });
        longer.StatusCode.ShouldBe(HttpStatusCode.OK); // overlaps only itself
        using var moved = await ChangeAsync(member.Client, id, new { resourceId = world.Zone });
        var body = await moved.Content.ReadFromJsonAsync<JsonElement>();
        moved.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.GetProperty("resourceId").GetGuid().ShouldBe(world.Zone);
        body.GetProperty("localEnd").GetDateTime().ShouldBe(start.AddHours(3));
        await ExpectInvalidAsync(await ChangeAsync(member.Client, id, new { start = Local(Day(-1).AddHours(10)), end = Local(Day(-1).AddHours(11)) }), "start");
    }

    [Fact]
    public async Task A_zone_booking_keeps_its_seat_when_free_and_takes_another_otherwise()
    {
        var world = await BookingWorld.CreateAsync(app, zoneSeats: 2);
        var morning = Day(4).AddHours(8);
        var afternoon = Day(4).AddHours(14);
        var first = await world.NewMemberAsync();
        var early = await IdOf(await world.BookAsync(first.Client, world.Zone, morning, morning.AddHours(4)));
        var late = await IdOf(await world.BookAsync(await world.MemberClientAsync(), world.Zone, afternoon, afternoon.AddHours(4)));
        (await app.WithDbAsync(db => db.Bookings.Where(b => b.Id == early || b.Id == late).Select(b => b.Seat).ToListAsync())).ShouldBe([1, 1]);

        using var moved = await ChangeAsync(first.Client, early, new { start = Local(afternoon), end = Local(afternoon.AddHours(3)) });
        (await moved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("seat").GetInt32().ShouldBe(2);
        using var again = await ChangeAsync(first.Client, early, new { start = Local(afternoon.AddHours(1)) });
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("seat").GetInt32().ShouldBe(2); // its own seat is still free
    }

    [Fact]
    public async Task Two_changes_racing_into_the_same_free_slot_get_one_200_and_one_409()
    {
        var world = await BookingWorld.CreateAsync(app);
        var target = Day(5).AddHours(15);
        var members = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => world.NewMemberAsync()));
        var ids = new List<Guid>();
        for (var i = 0; i < members.Length; i++)
        {
            ids.Add(await IdOf(await world.BookAsync(members[i].Client, world.Room, Day(5).AddHours(8 + (2 * i)), Day(5).AddHours(9 + (2 * i)))));
        }

        var answers = await Task.WhenAll(members.Select((m, i) => ChangeAsync(m.Client, ids[i], new { start = Local(target), end = Local(target.AddHours(1)) })));

        answers.Select(a => a.StatusCode).ShouldBe([HttpStatusCode.OK, HttpStatusCode.Conflict], ignoreOrder: true);
        var starts = await app.WithDbAsync(db => db.Bookings.Where(b => ids.Contains(b.Id)).Select(b => b.Start).ToListAsync());
        starts.Count(s => s == TimeZoneInfo.ConvertTimeToUtc(target, Paris)).ShouldBe(1);
    }

    [Fact]
    public async Task A_change_racing_new_bookings_of_the_same_slot_lets_exactly_one_win()
    {
        var world = await BookingWorld.CreateAsync(app);
        var target = Day(6).AddHours(16);
        var member = await world.NewMemberAsync();
        var id = await IdOf(await world.BookAsync(member.Client, world.Room, Day(6).AddHours(8), Day(6).AddHours(9)));
        var others = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => world.MemberClientAsync()));

        var change = ChangeAsync(member.Client, id, new { start = Local(target), end = Local(target.AddHours(1)) });
        var bookings = others.Select(o => world.BookAsync(o, world.Room, target, target.AddHours(1)));
        var answers = await Task.WhenAll(bookings.Prepend(change));

        answers.Count(a => a.IsSuccessStatusCode).ShouldBe(1, string.Join(", ", answers.Select(a => (int)a.StatusCode)));
        answers.Count(a => a.StatusCode == HttpStatusCode.Conflict).ShouldBe(5);
        var utc = TimeZoneInfo.ConvertTimeToUtc(target, Paris);
        (await app.WithDbAsync(db => db.Bookings.CountAsync(b => b.ResourceId == world.Room && b.Start == utc && b.Status == BookingStatus.Confirmed))).ShouldBe(1);
    }

    [Fact]
    public async Task A_change_on_a_resource_needing_approval_is_a_request_again()
    {
        var world = await BookingWorld.CreateAsync(app);
        var member = await world.NewMemberAsync();
        var id = await IdOf(await world.BookAsync(member.Client, world.Room, Day().AddHours(9), Day().AddHours(10)));
        await world.SetPolicyAsync(world.Room, BookingPolicy.Default with { RequiresApproval = true });

        using var retitled = await ChangeAsync(member.Client, id, new { title = "Même créneau" });
        (await retitled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().ShouldBe("Confirmed"); // a new title is no new request
        using var changed = await ChangeAsync(member.Client, id, new { start = Local(Day().AddHours(11)), end = Local(Day().AddHours(12)) });

        (await changed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().ShouldBe("Pending");
        (await app.WithDbAsync(db => db.Bookings.SingleAsync(b => b.Id == id))).ChangedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task After_the_free_cancellation_limit_a_booking_moves_only_within_its_day_and_never_gets_cheaper()
    {
        var world = await BookingWorld.CreateAsync(app, policy: BookingPolicy.Default with { FreeCancellationHours = 24 * 10 });
        var member = await world.NewMemberAsync();
        var id = await IdOf(await world.BookAsync(member.Client, world.Room, Day().AddHours(9), Day().AddHours(11)));

        await ExpectInvalidAsync(await ChangeAsync(member.Client, id, new { start = Local(Day(4).AddHours(9)), end = Local(Day(4).AddHours(11)) }), "start");
        using var sameDay = await ChangeAsync(member.Client, id, new { start = Local(Day().AddHours(15)), end = Local(Day().AddHours(16)) });

        var body = await sameDay.Content.ReadFromJsonAsync<JsonElement>();
        sameDay.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.GetProperty("price").GetDecimal().ShouldBe(50m); // one hour would be 25.00: the late change keeps the 50.00
    }

    [Fact]
    public async Task A_started_or_cancelled_booking_cannot_be_changed()
    {
        var world = await BookingWorld.CreateAsync(app);
        var member = await world.NewMemberAsync();
        var started = await world.InsertAsync(member, world.Room, app.Clock.GetUtcNow().UtcDateTime.AddMinutes(-10), TimeSpan.FromHours(1));
        var id = await IdOf(await world.BookAsync(member.Client, world.Room, Day().AddHours(9), Day().AddHours(10)));
        (await member.Client.PostAsync($"/api/v1/bookings/{id}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await ChangeAsync(member.Client, started, new { title = "Plus tard" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await ChangeAsync(member.Client, id, new { title = "Plus tard" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_series_changes_from_an_occurrence_onwards_all_or_nothing_or_the_available_ones()
    {
        var world = await BookingWorld.CreateAsync(app);
        var member = await world.NewMemberAsync();
        var first = Day(2).AddHours(9);
        var ids = await world.BookSeriesAsync(member.Client, first, TimeSpan.FromHours(1), 4);
        var blocker = first.AddDays(21).AddHours(5);
        (await world.BookAsync(await world.MemberClientAsync(), world.Room, blocker, blocker.AddHours(1))).StatusCode.ShouldBe(HttpStatusCode.Created);

        using var refused = await member.Client.PatchAsJsonAsync($"/api/v1/bookings/{ids[1]}/following", new { startTime = "14:00", endTime = "15:30" });
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict, problem.ToString());
        problem.GetProperty("conflicts").EnumerateArray().Select(d => d.GetString()).ShouldBe([first.AddDays(21).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]);
        (await app.WithDbAsync(db => db.Bookings.CountAsync(b => ids.Contains(b.Id) && b.ChangedAt != null))).ShouldBe(0);

        using var partly = await member.Client.PatchAsJsonAsync($"/api/v1/bookings/{ids[1]}/following", new { startTime = "14:00", endTime = "15:30", mode = "AvailableOnly" });
        var body = await partly.Content.ReadFromJsonAsync<JsonElement>();
        partly.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.GetProperty("changed").GetArrayLength().ShouldBe(2);
        body.GetProperty("skipped")[0].GetProperty("id").GetGuid().ShouldBe(ids[3]);
        var starts = await app.WithDbAsync(db => db.Bookings.Where(b => ids.Contains(b.Id)).OrderBy(b => b.Start).Select(b => b.Start).ToListAsync());
        starts.Select(s => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(s, DateTimeKind.Utc), Paris).TimeOfDay)
            .ShouldBe([TimeSpan.FromHours(9), TimeSpan.FromHours(14), TimeSpan.FromHours(14), TimeSpan.FromHours(9)]);
    }

    [Fact]
    public async Task A_series_changes_all_the_following_occurrences_in_one_go()
    {
        var world = await BookingWorld.CreateAsync(app);
        var member = await world.NewMemberAsync();
        var first = Day(2).AddHours(10);
        var ids = await world.BookSeriesAsync(member.Client, first, TimeSpan.FromHours(1), 3, "Daily");

        using var moved = await member.Client.PatchAsJsonAsync($"/api/v1/bookings/{ids[0]}/following", new { startTime = "10:30", endTime = "11:30" });

        var body = await moved.Content.ReadFromJsonAsync<JsonElement>();
        moved.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        body.GetProperty("changed").EnumerateArray().Select(b => b.GetProperty("localStart").GetDateTime().TimeOfDay).ShouldAllBe(t => t == new TimeSpan(10, 30, 0));
        (await member.Client.PatchAsJsonAsync($"/api/v1/bookings/{ids[0]}/following", new { startTime = "soon" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    private static async Task ExpectInvalidAsync(HttpResponseMessage response, string field)
    {
        using (response)
        {
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body.ToString());
            body.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(body.ToString());
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ChangeBookingTests_Sqlite(SqliteTestApp app) : ChangeBookingTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ChangeBookingTests_Postgres(PostgresTestApp app) : ChangeBookingTests(app);
