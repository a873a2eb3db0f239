using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cotravail.Modules.Members;
using Cotravail.Modules.Resources;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Cotravail.Modules.Bookings;
using Cotravail.Modules.Locations;

namespace Cotravail.Tests.Modules.Bookings;

public abstract class BookingsApiTests(TestApp app)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// A local day in Paris a few days ahead: inside every booking window, never in the past.
    private DateTime Day(int daysAhead = 3) =>
        TimeZoneInfo.ConvertTimeFromUtc(app.Clock.GetUtcNow().UtcDateTime, Paris).Date.AddDays(daysAhead);

    private static string Local(DateTime local) => local.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_member_books_a_room_and_sees_it_priced_in_local_time()
    {
        var world = await BookingWorld.CreateAsync(app);
        var member = await world.MemberClientAsync();
        var start = Day().AddHours(14);

        using var response = await member.PostAsJsonAsync("/api/v1/bookings", new { resourceId = world.Room, start = Local(start), end = Local(start.AddHours(2)), title = "Point projet" });

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToString());
        body.GetProperty("localStart").GetDateTime().ShouldBe(start);
        body.GetProperty("start").GetDateTime().ShouldBe(TimeZoneInfo.ConvertTimeToUtc(start, Paris));
        body.GetProperty("price").GetDecimal().ShouldBe(50m); // 2 started hours at 25.00 beat the 90.00 half-day
        body.GetProperty("status").GetString().ShouldBe("Confirmed");
        var mine = await member.GetFromJsonAsync<JsonElement>("/api/v1/bookings");
        mine.GetProperty("items").EnumerateArray().Select(b => b.GetProperty("title").GetString()).ShouldContain("Point projet");
    }

    [Fact]
    public async Task An_overlapping_booking_is_refused_and_a_touching_one_accepted()
    {
        var world = await BookingWorld.CreateAsync(app);
        var member = await world.MemberClientAsync();
        var start = Day().AddHours(9);
        (await world.BookAsync(member, world.Room, start, start.AddHours(2))).StatusCode.ShouldBe(HttpStatusCode.Created);

        using var overlap = await world.BookAsync(member, world.Room, start.AddHours(1), start.AddHours(3));
        overlap.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await overlap.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("start")[0].GetString().ShouldNotBeNullOrEmpty();
        (await world.BookAsync(member, world.Room, start.AddHours(2), start.AddHours(3))).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Clean_up_time_keeps_the_next_booking_away_and_cancelling_frees_the_slot()
    {
        var world = await BookingWorld.CreateAsync(app, policy: BookingPolicy.Default with { CleanupMinutes = 30 });
        var member = await world.MemberClientAsync();
        var start = Day().AddHours(10);
        using var first = await world.BookAsync(member, world.Room, start, start.AddHours(1));
        var id = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        (await world.BookAsync(member, world.Room, start.AddHours(1), start.AddHours(2))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await member.PostAsync($"/api/v1/bookings/{id}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await world.BookAsync(member, world.Room, start.AddHours(1), start.AddHours(2))).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Thirty_members_booking_the_same_slot_at_once_get_one_201_and_29_409()
    {
        var world = await BookingWorld.CreateAsync(app);
        var clients = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => world.MemberClientAsync()));
        var start = Day(5).AddHours(14);

        var answers = await Task.WhenAll(clients.Select(c => world.BookAsync(c, world.Room, start, start.AddHours(2))));

        answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        answers.Count(a => a.StatusCode == HttpStatusCode.Conflict).ShouldBe(29, string.Join(", ", answers.Select(a => (int)a.StatusCode)));
        foreach (var conflict in answers.Where(a => a.StatusCode == HttpStatusCode.Conflict))
        {
            (await conflict.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("start", out _).ShouldBeTrue();
        }
        (await app.WithDbAsync(db => db.Bookings.CountAsync(b => b.ResourceId == world.Room))).ShouldBe(1);
    }

    [Fact]
    public async Task A_hot_desk_zone_of_five_seats_takes_exactly_five_of_twelve_racing_bookings()
    {
        var world = await BookingWorld.CreateAsync(app, zoneSeats: 5);
        var clients = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => world.MemberClientAsync()));
        var morning = Day(6).AddHours(9);

        var answers = await Task.WhenAll(clients.Select(c => world.BookAsync(c, world.Zone, morning, morning.AddHours(4))));

        answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBe(5);
        answers.Count(a => a.StatusCode == HttpStatusCode.Conflict).ShouldBe(7);
        var seats = await app.WithDbAsync(db => db.Bookings.Where(b => b.ResourceId == world.Zone).Select(b => b.Seat).ToListAsync());
        seats.Order().ShouldBe([1, 2, 3, 4, 5]);
    }

    [Fact]
    public async Task Local_times_that_do_not_exist_or_happen_twice_are_not_guessed()
    {
        var world = await BookingWorld.CreateAsync(app, policy: BookingPolicy.Default with { WindowDays = 730 }, opens: "00:00");
        var member = await world.MemberClientAsync();

        // 02:30 does not exist in Paris the night the clocks go forward, and happens twice the night they go back.
        var (spring, autumn) = (ClockChanges.Spring(app.Clock).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ClockChanges.Autumn(app.Clock));
        using var missing = await member.PostAsJsonAsync("/api/v1/bookings", new { resourceId = world.Room, start = $"{spring}T02:30", end = $"{spring}T04:00" });
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("start", out _).ShouldBeTrue();
        var back = autumn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var twice = await member.PostAsJsonAsync("/api/v1/bookings", new { resourceId = world.Room, start = $"{back}T02:30", end = $"{back}T04:00" });
        twice.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var explicitOffset = await member.PostAsJsonAsync("/api/v1/bookings", new { resourceId = world.Room, start = $"{back}T02:30+01:00", end = $"{back}T04:00" });
        var booked = await explicitOffset.Content.ReadFromJsonAsync<JsonElement>();
        explicitOffset.StatusCode.ShouldBe(HttpStatusCode.Created, booked.ToString());
        booked.GetProperty("start").GetDateTime().ShouldBe(autumn.ToDateTime(new TimeOnly(1, 30), DateTimeKind.Utc));
    }

    [Theory]
    [InlineData(3, 50)] // March, the clocks go forward: 2 real hours at 25.00, not 3 (75.00)
    [InlineData(10, 90)] // October, the clocks go back: 4 real hours, the 90.00 half-day, not 3 hours (75.00)
    public async Task A_night_booking_across_a_clock_change_is_charged_the_hours_that_really_pass(int month, decimal price)
    {
        var date = (month == 3 ? ClockChanges.Spring(app.Clock) : ClockChanges.Autumn(app.Clock)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var world = await BookingWorld.CreateAsync(app, policy: BookingPolicy.Default with { WindowDays = 730 }, opens: "00:00");
        var member = await world.MemberClientAsync();

        using var response = await member.PostAsJsonAsync("/api/v1/bookings", new { resourceId = world.Room, start = $"{date}T01:00", end = $"{date}T04:00" });

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToString());
        body.GetProperty("price").GetDecimal().ShouldBe(price);
    }

    [Fact]
    public async Task Weekly_hours_count_the_two_real_hours_of_the_night_the_clocks_go_forward()
    {
        var world = await BookingWorld.CreateAsync(app, policy: BookingPolicy.Default with { WindowDays = 730, MaxHoursPerWeek = 3 }, opens: "00:00");
        var member = await world.MemberClientAsync();
        var sunday = ClockChanges.Spring(app.Clock);
        DateTime At(DateOnly day, int hour) => day.ToDateTime(new TimeOnly(hour, 0));
        (await world.BookAsync(member, world.Room, At(sunday.AddDays(-6), 10), At(sunday.AddDays(-6), 11))).StatusCode.ShouldBe(HttpStatusCode.Created);

        // Monday 1 hour + Sunday 01:00–04:00 (2 real hours) = 3 hours in the week the clocks go forward
        using var night = await world.BookAsync(member, world.Room, At(sunday, 1), At(sunday, 4));
        night.StatusCode.ShouldBe(HttpStatusCode.Created, await night.Content.ReadAsStringAsync());
        await ExpectInvalidAsync(await world.BookAsync(member, world.Room, At(sunday, 10), At(sunday, 11)), "end");
    }

    [Fact]
    public async Task Closed_days_opening_hours_and_the_past_are_refused_with_the_field()
    {
        var world = await BookingWorld.CreateAsync(app);
        var member = await world.MemberClientAsync();
        var early = Day().AddHours(6); // the test location opens at 07:00

        await ExpectInvalidAsync(await world.BookAsync(member, world.Room, early, early.AddHours(2)), "start");
        await ExpectInvalidAsync(await world.BookAsync(member, world.Room, Day(-2).AddHours(10), Day(-2).AddHours(11)), "start");
        await ExpectInvalidAsync(await world.BookAsync(member, world.Room, Day().AddHours(10), Day().AddHours(10).AddMinutes(10)), "end");
        await ExpectInvalidAsync(await world.BookAsync(member, world.Room, Day().AddHours(10).AddMinutes(5), Day().AddHours(11)), "start");
    }

    [Fact]
    public async Task Another_member_cannot_see_or_cancel_my_booking()
    {
        var world = await BookingWorld.CreateAsync(app);
        var me = await world.MemberClientAsync();
        var other = await world.MemberClientAsync();
        var start = Day().AddHours(15);
        using var mine = await world.BookAsync(me, world.Room, start, start.AddHours(1));
        var id = (await mine.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        (await other.GetAsync($"/api/v1/bookings/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await other.PostAsync($"/api/v1/bookings/{id}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await me.GetAsync($"/api/v1/bookings/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Erasing_a_member_cancels_their_coming_bookings_and_blanks_their_titles()
    {
        var world = await BookingWorld.CreateAsync(app);
        var member = await world.MemberClientAsync();
        var start = Day().AddHours(11);
        using var booked = await member.PostAsJsonAsync("/api/v1/bookings", new { resourceId = world.Room, start = Local(start), end = Local(start.AddHours(1)), title = "Rendez-vous avec Maître Dupont" });
        var id = (await booked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        (await member.PostAsJsonAsync("/api/v1/me/erase", new { password = Cotravail.Modules.Demo.DemoAccounts.Password })).IsSuccessStatusCode.ShouldBeTrue();

        var row = await app.WithDbAsync(db => db.Bookings.SingleAsync(b => b.Id == id));
        row.Status.ShouldBe(Cotravail.Modules.Bookings.BookingStatus.Cancelled);
        row.Title.ShouldBeEmpty();
        (await world.BookAsync(await world.MemberClientAsync(), world.Room, start, start.AddHours(1))).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_next_booking_follows_a_rule_or_price_change_at_once()
    {
        var world = await BookingWorld.CreateAsync(app);
        var member = await world.MemberClientAsync();
        var start = Day().AddHours(9);
        (await PriceOfNewBookingAsync(member, world, start)).ShouldBe(25m); // the rules are now cached

        await app.WithDbAsync(async db =>
        {
            var room = await db.Resources.SingleAsync(r => r.Id == world.Room);
            room.Rates = room.Rates with { MemberHourly = 3000 };
            await db.SaveChangesAsync();
        });
        (await PriceOfNewBookingAsync(member, world, start.AddHours(1))).ShouldBe(30m);

        var closed = DateOnly.FromDateTime(start);
        await app.WithDbAsync(async db =>
        {
            var location = await db.Locations.SingleAsync(l => l.Id == world.Location);
            location.SetClosedDays([new(closed, "Inventaire")]);
            await db.SaveChangesAsync();
        });
        await ExpectInvalidAsync(await world.BookAsync(member, world.Room, start.AddHours(2), start.AddHours(3)), "start");

        await app.WithDbAsync(async db =>
        {
            (await db.Resources.SingleAsync(r => r.Id == world.Room)).Deactivate();
            await db.SaveChangesAsync();
        });
        (await world.BookAsync(member, world.Room, start.AddDays(1), start.AddDays(1).AddHours(1))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static async Task<decimal> PriceOfNewBookingAsync(HttpClient member, BookingWorld world, DateTime start)
    {
        using var response = await world.BookAsync(member, world.Room, start, start.AddHours(1));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToString());
        return body.GetProperty("price").GetDecimal();
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

/// A location open every day (07:00 unless said otherwise, to 22:00) with a meeting room (and a hot-desk zone), and its members.
internal sealed class BookingWorld
{
    public required TestApp App { get; init; }

    public required Guid Location { get; init; }

    public required Guid Room { get; init; }

    public required Guid Zone { get; init; }

    public static async Task<BookingWorld> CreateAsync(TestApp app, BookingPolicy? policy = null, int zoneSeats = 3, string opens = "07:00")
    {
        var admin = TestApp.NewEmail("booking-admin");
        await app.CreateUserAsync(admin, networkAdmin: true);
        using var api = await app.ClientForAsync(admin);
        var location = await PostAsync(api, "/api/v1/locations", new
        {
            name = "Booking test",
            slug = TestData.NewSlug("book"),
            street = "1 place des Tests",
            postalCode = "75001",
            city = "Paris",
            countryCode = "FR",
            timeZone = "Europe/Paris",
            currency = "EUR",
            openSpaceCapacity = 20,
            openingHours = Enum.GetValues<DayOfWeek>().Select(d => new { day = d.ToString(), opens, closes = "22:00" }).ToArray(),
            vatRates = new[] { new { label = "Normal", percent = 20 } },
        });
        var rules = policy is null ? null : PolicyBody(policy);
        var room = await PostAsync(api, "/api/v1/resources", new
        {
            locationId = location, name = "Salle Tilleul", kind = "MeetingRoom", capacity = 6, memberHourly = 25m, memberHalfDay = 90m, memberDay = 160m, policy = rules,
        });
        var zone = await PostAsync(api, "/api/v1/resources", new
        {
            locationId = location, name = "Open space", kind = "HotDeskZone", capacity = zoneSeats, memberHourly = 5m, memberHalfDay = 12m, memberDay = 20m, policy = rules,
        });
        return new BookingWorld { App = app, Location = location, Room = room, Zone = zone, AdminEmail = admin };
    }

    /// The network admin who created this world (an API client: App.ClientForAsync(AdminEmail)).
    public required string AdminEmail { get; init; }

    /// A policy as the "policy" object of POST/PUT /api/v1/resources.
    public static object PolicyBody(BookingPolicy p) => new
    {
        p.SetupMinutes, p.CleanupMinutes, p.MinMinutes, p.MaxMinutes, p.IncrementMinutes, p.WindowDays, p.RequiresApproval, p.MembersOnly,
        p.FreeCancellationHours, p.LateCancellationPercent, p.MaxHoursPerWeek, p.MaxBookingsPerWeek, p.CheckInMinutes,
        WaitlistMode = p.WaitlistMode.ToString(), p.OfferMinutes,
    };

    /// Replaces a resource's booking rules through PUT /api/v1/resources/{id}, the rest of it as it is; the new resource.
    public async Task<JsonElement> SetPolicyAsync(Guid resource, BookingPolicy policy, Action<JsonObject>? change = null)
    {
        var api = await App.ClientForAsync(AdminEmail);
        var body = (await api.GetFromJsonAsync<JsonObject>($"/api/v1/resources/{resource}"))!;
        body["policy"] = JsonSerializer.SerializeToNode(PolicyBody(policy), JsonSerializerOptions.Web);
        change?.Invoke(body);
        using var response = await api.PutAsJsonAsync($"/api/v1/resources/{resource}", body);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, json.ToString());
        return json;
    }

    /// A new member of this location with a sign-in account, as an API client.
    public async Task<HttpClient> MemberClientAsync() => (await NewMemberAsync()).Client;

    public async Task<Booker> NewMemberAsync()
    {
        var email = TestApp.NewEmail("booker");
        var user = await App.CreateUserAsync(email);
        var member = new Member("Camille", "Booker", email, MemberCategory.Freelancer, Location);
        member.LinkAccount(user.Id);
        await App.WithDbAsync(async db =>
        {
            db.Members.Add(member);
            await db.SaveChangesAsync();
        });
        return new Booker(await App.ClientForAsync(email), member.Id, user.Id, email);
    }

    /// A booking written straight to the database, for slots the API would refuse (already started).
    public async Task<Guid> InsertAsync(Booker booker, Guid resource, DateTime start, TimeSpan length, bool pending = false, DateTime? createdAt = null)
    {
        var slot = new Cotravail.Common.TimeSlot(start, start + length);
        var kind = await App.WithDbAsync(db => db.Resources.Where(r => r.Id == resource).Select(r => r.Kind).SingleAsync());
        var booking = new Cotravail.Modules.Bookings.Booking(resource, kind, Location, slot, slot, booker.UserId, booker.MemberId, "Inserted", pending, createdAt ?? start.AddDays(-1));
        await App.WithDbAsync(async db =>
        {
            db.Add(booking);
            await db.SaveChangesAsync();
        });
        return booking.Id;
    }

    /// A series of the room from a local start ("Daily", "Weekly"…), booked through the API; the ids of its occurrences.
    public async Task<List<Guid>> BookSeriesAsync(HttpClient client, DateTime localStart, TimeSpan length, int count, string frequency = "Weekly")
    {
        using var response = await client.PostAsJsonAsync("/api/v1/bookings/series", new
        {
            resourceId = Room,
            start = localStart.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
            end = (localStart + length).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
            frequency,
            count,
        });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.IsSuccessStatusCode.ShouldBeTrue(body.ToString());
        var ids = body.GetProperty("booked").EnumerateArray().Select(b => b.GetProperty("id").GetGuid()).ToList();
        ids.Count.ShouldBe(count);
        return ids;
    }

    public Task<HttpResponseMessage> BookAsync(HttpClient client, Guid resource, DateTime localStart, DateTime localEnd) =>
        client.PostAsJsonAsync("/api/v1/bookings", new
        {
            resourceId = resource,
            start = localStart.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
            end = localEnd.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
        });

    private static async Task<Guid> PostAsync(HttpClient api, string url, object body)
    {
        using var response = await api.PostAsJsonAsync(url, body);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.IsSuccessStatusCode.ShouldBeTrue($"POST {url}: {json}");
        return json.GetProperty("id").GetGuid();
    }
}

internal sealed record Booker(HttpClient Client, Guid MemberId, Guid UserId, string Email);

[Collection(SqliteCollection.Name)]
public sealed class BookingsApiTests_Sqlite(SqliteTestApp app) : BookingsApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class BookingsApiTests_Postgres(PostgresTestApp app) : BookingsApiTests(app);
