using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Common.Audit;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Cotravail.Modules.Bookings;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Resources;

namespace Cotravail.Tests.Modules.Bookings;

/// A location's time-zone change never silently moves future bookings.
public abstract class LocationZoneChangeTests(TestApp app)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private DateTime Day(int daysAhead = 3) =>
        TimeZoneInfo.ConvertTimeFromUtc(app.Clock.GetUtcNow().UtcDateTime, Paris).Date.AddDays(daysAhead);

    private static object Input(string timeZone, string? futureBookings = null) => new
    {
        name = "Booking test",
        street = "1 place des Tests",
        postalCode = "75001",
        city = "Paris",
        countryCode = "FR",
        timeZone,
        currency = "EUR",
        openSpaceCapacity = 20,
        openingHours = Enum.GetValues<DayOfWeek>().Select(d => new { day = d.ToString(), opens = "07:00", closes = "22:00" }).ToArray(),
        vatRates = new[] { new { label = "Normal", percent = 20 } },
        futureBookings,
    };

    private async Task<HttpClient> ManagerAsync()
    {
        var admin = TestApp.NewEmail("zone-admin");
        await app.CreateUserAsync(admin, networkAdmin: true);
        return await app.ClientForAsync(admin);
    }

    [Fact]
    public async Task Changing_the_zone_of_a_location_with_future_bookings_needs_a_choice()
    {
        var world = await BookingWorld.CreateAsync(app);
        var member = await world.NewMemberAsync();
        (await world.BookAsync(member.Client, world.Room, Day().AddHours(9), Day().AddHours(10))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await world.BookAsync(member.Client, world.Room, Day(4).AddHours(9), Day(4).AddHours(10))).StatusCode.ShouldBe(HttpStatusCode.Created);
        using var admin = await ManagerAsync();

        using var refused = await admin.PutAsJsonAsync($"/api/v1/locations/{world.Location}", Input("Europe/London"));

        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict, problem.ToString());
        problem.GetProperty("errors").GetProperty("timeZone")[0].GetString()!.ShouldContain("2");
        problem.GetProperty("count").GetInt32().ShouldBe(2);
        (await app.WithDbAsync(db => db.Locations.Where(l => l.Id == world.Location).Select(l => l.TimeZone).SingleAsync())).ShouldBe("Europe/Paris");
        (await admin.PutAsJsonAsync($"/api/v1/locations/{world.Location}", Input("Europe/Paris"))).StatusCode.ShouldBe(HttpStatusCode.OK); // no zone change, no question
    }

    [Fact]
    public async Task Keeping_local_times_moves_each_future_booking_to_the_same_wall_clock_in_the_new_zone()
    {
        var world = await BookingWorld.CreateAsync(app);
        var member = await world.NewMemberAsync();
        using var booked = await world.BookAsync(member.Client, world.Room, Day().AddHours(9), Day().AddHours(10));
        var id = (await booked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await world.BookAsync(member.Client, world.Room, Day().AddHours(10), Day().AddHours(11))).StatusCode.ShouldBe(HttpStatusCode.Created); // touching: moved together
        using var admin = await ManagerAsync();

        using var saved = await admin.PutAsJsonAsync($"/api/v1/locations/{world.Location}", Input("Europe/London", "keepLocalTimes"));

        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var booking = await member.Client.GetFromJsonAsync<JsonElement>($"/api/v1/bookings/{id}");
        booking.GetProperty("localStart").GetDateTime().ShouldBe(Day().AddHours(9));
        booking.GetProperty("timeZone").GetString().ShouldBe("Europe/London");
        booking.GetProperty("start").GetDateTime().ShouldBe(TimeZoneInfo.ConvertTimeToUtc(Day().AddHours(9), London));
        (await app.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(a => a.Action == AuditActions.LocationTimeZoneChanged && a.TargetId == world.Location))).ShouldBeTrue();
    }

    [Fact]
    public async Task Keeping_local_times_is_all_or_nothing_and_names_the_bookings_that_cannot_move()
    {
        var world = await BookingWorld.CreateAsync(app);
        var member = await world.NewMemberAsync();
        using var booked = await world.BookAsync(member.Client, world.Room, Day().AddHours(9), Day().AddHours(10));
        var free = (await booked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        // A started booking keeps its instant; the next one, moved an hour earlier (Helsinki is an hour ahead of Paris), would overlap it.
        var now = app.Clock.GetUtcNow().UtcDateTime;
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMinute)); // PostgreSQL keeps microseconds only
        await InsertOnAsync(world, member, world.Room, now.AddMinutes(-30), TimeSpan.FromMinutes(90));
        var blocked = await InsertOnAsync(world, member, world.Room, now.AddMinutes(60), TimeSpan.FromMinutes(60));
        using var admin = await ManagerAsync();

        using var refused = await admin.PutAsJsonAsync($"/api/v1/locations/{world.Location}", Input("Europe/Helsinki", "keepLocalTimes"));

        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict, problem.ToString());
        problem.GetProperty("errors").TryGetProperty("timeZone", out _).ShouldBeTrue();
        problem.GetProperty("conflicts").EnumerateArray().Select(c => c.GetString()).ShouldBe(
            [TimeZoneInfo.ConvertTimeFromUtc(now.AddMinutes(60), Paris).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture)]);
        var starts = await app.WithDbAsync(db => db.Bookings.Where(b => b.Id == free || b.Id == blocked).OrderBy(b => b.Start).Select(b => b.Start).ToListAsync());
        starts.ShouldBe([now.AddMinutes(60), TimeZoneInfo.ConvertTimeToUtc(Day().AddHours(9), Paris)]);
        (await app.WithDbAsync(db => db.Locations.Where(l => l.Id == world.Location).Select(l => l.TimeZone).SingleAsync())).ShouldBe("Europe/Paris");
    }

    [Fact]
    public async Task Keeping_instants_leaves_the_bookings_and_records_the_choice()
    {
        var world = await BookingWorld.CreateAsync(app);
        var member = await world.NewMemberAsync();
        using var booked = await world.BookAsync(member.Client, world.Room, Day().AddHours(9), Day().AddHours(10));
        var booking = await booked.Content.ReadFromJsonAsync<JsonElement>();
        using var admin = await ManagerAsync();

        using var saved = await admin.PutAsJsonAsync($"/api/v1/locations/{world.Location}", Input("Europe/London", "keepInstants"));

        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var after = await member.Client.GetFromJsonAsync<JsonElement>($"/api/v1/bookings/{booking.GetProperty("id").GetGuid()}");
        after.GetProperty("start").GetDateTime().ShouldBe(booking.GetProperty("start").GetDateTime());
        after.GetProperty("localStart").GetDateTime().ShouldBe(Day().AddHours(8));
        var detail = await app.WithDbAsync(db => db.Set<AuditEntry>().Where(a => a.Action == AuditActions.LocationTimeZoneChanged && a.TargetId == world.Location).Select(a => a.Detail).SingleAsync());
        detail.ShouldNotBeNull().ShouldContain("keepInstants");
    }

    [Fact]
    public async Task The_edit_page_shows_the_count_and_asks_for_the_choice()
    {
        var world = await BookingWorld.CreateAsync(app);
        var member = await world.NewMemberAsync();
        (await world.BookAsync(member.Client, world.Room, Day().AddHours(9), Day().AddHours(10))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var admin = TestApp.NewEmail("zone-page");
        await app.CreateUserAsync(admin, networkAdmin: true);
        var browser = await app.BrowserClientAsync(admin);
        var url = $"/admin/locations/edit/{world.Location}";

        var (_, doc) = await TestApp.GetHtmlAsync(browser, url);
        doc.QuerySelector("#future-bookings-count")!.TextContent.ShouldContain("1");
        var form = TestApp.FormValues(doc);
        form["Input.TimeZone"] = "Europe/London";

        using var refused = await TestApp.PostFormAsync(browser, url, form, url);
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var (_, again) = await TestApp.ParseAsync(refused);
        again.QuerySelector("span[data-valmsg-for='Input.TimeZone']")!.TextContent.ShouldNotBeNullOrWhiteSpace();
        again.QuerySelector("#Input_TimeZone")!.GetAttribute("value").ShouldBe("Europe/London");

        form["Input.FutureBookings"] = "keepLocalTimes";
        using var saved = await TestApp.PostFormAsync(browser, url, form, url);
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.Locations.Where(l => l.Id == world.Location).Select(l => l.TimeZone).SingleAsync())).ShouldBe("Europe/London");
    }

    private static async Task<Guid> InsertOnAsync(BookingWorld world, Booker booker, Guid resource, DateTime utcStart, TimeSpan? length = null, int seat = 1)
    {
        var slot = new Cotravail.Common.TimeSlot(DateTime.SpecifyKind(utcStart, DateTimeKind.Utc), DateTime.SpecifyKind(utcStart, DateTimeKind.Utc) + (length ?? TimeSpan.FromHours(1)));
        var kind = await world.App.WithDbAsync(db => db.Resources.Where(r => r.Id == resource).Select(r => r.Kind).SingleAsync());
        var booking = new Cotravail.Modules.Bookings.Booking(resource, kind, world.Location, slot, slot, booker.UserId, booker.MemberId, "Inserted", false, utcStart.AddDays(-1));
        booking.AssignSeat(seat);
        await world.App.WithDbAsync(async db =>
        {
            db.Add(booking);
            await db.SaveChangesAsync();
        });
        return booking.Id;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class LocationZoneChangeTests_Sqlite(SqliteTestApp app) : LocationZoneChangeTests(app);

[Collection(PostgresCollection.Name)]
public sealed class LocationZoneChangeTests_Postgres(PostgresTestApp app) : LocationZoneChangeTests(app);
