using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Common.Auth;
using Cotravail.Modules.Bookings;
using Cotravail.Modules.Members;
using Cotravail.Tests.Infrastructure;
using Cotravail.Tests.Modules.Bookings;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Modules.Admin;

/// The operator's dashboard (/admin and GET /api/v1/dashboard): today's figures, the requests inbox, occupancy
/// by kind ahead and the counts of the back office's lists.
public abstract class DashboardTests(TestApp app)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private DateTime Now => app.Clock.GetUtcNow().UtcDateTime;

    /// A start a few minutes ago that is still today in Paris, so a booking from it is under way now.
    private DateTime JustBefore()
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(Now, Paris);
        var sinceMidnight = local - local.Date;
        return Now - TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(5).Ticks, sinceMidnight.Ticks / 2));
    }

    /// Tomorrow at a local hour, in UTC.
    private DateTime Tomorrow(int hour) =>
        TimeZoneInfo.ConvertTimeToUtc(TimeZoneInfo.ConvertTimeFromUtc(Now, Paris).Date.AddDays(1).AddHours(hour), Paris);

    /// The hours the test location is open (00:00–22:00 in Paris) over `days` days from today: 22 a day, but
    /// 21 on the night the clocks go forward and 23 on the night they go back.
    private double OpenHours(int days)
    {
        var today = TimeZoneInfo.ConvertTimeFromUtc(Now, Paris).Date;
        return Enumerable.Range(0, days).Sum(d =>
            (TimeZoneInfo.ConvertTimeToUtc(today.AddDays(d).AddHours(22), Paris) - TimeZoneInfo.ConvertTimeToUtc(today.AddDays(d), Paris)).TotalHours);
    }

    private Task<(HttpClient Browser, HttpClient Api)> StaffAsync(Guid location, StaffRole role) => app.StaffAsync(location, role);

    private Task SetAsync(Guid booking, BookingStatus status, DateTime? checkedIn = null) => app.WithDbAsync(db =>
        db.Bookings.Where(b => b.Id == booking).ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, status).SetProperty(b => b.CheckedInAt, checkedIn)));

    /// A booking on a given seat of a zone (BookingWorld.InsertAsync takes seat 1).
    private async Task<Guid> InsertAsync(BookingWorld place, Booker booker, Guid resource, DateTime start, TimeSpan length, int seat)
    {
        var slot = new Cotravail.Common.TimeSlot(start, start + length);
        var booking = new Booking(resource, Cotravail.Modules.Resources.ResourceKind.HotDeskZone, place.Location, slot, slot, booker.UserId, booker.MemberId, "Inserted", false, start.AddDays(-1));
        booking.AssignSeat(seat);
        await app.WithDbAsync(async db =>
        {
            db.Add(booking);
            await db.SaveChangesAsync();
        });
        return booking.Id;
    }

    private sealed record World(BookingWorld Place, Guid Arrived, Guid Coming, Guid NoShow, Guid Request, Guid Tomorrow, double Hours);

    /// An hour, or less when today ends sooner, so today's bookings stay within today.
    private TimeSpan Length()
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(Now, Paris);
        var untilMidnight = local.Date.AddDays(1) - local;
        return TimeSpan.FromTicks(Math.Min(TimeSpan.FromHours(1).Ticks, untilMidnight.Ticks / 2));
    }

    /// Open 00:00–22:00 every day, a room (one seat) and a zone of three seats; now: one checked in in the room,
    /// one expected in the zone, one released no-show; tomorrow: a request waiting and a confirmed 4 h in the zone.
    private async Task<World> WorldAsync()
    {
        var place = await BookingWorld.CreateAsync(app, opens: "00:00");
        var start = JustBefore();
        var length = Length();
        var arrived = await place.InsertAsync(await place.NewMemberAsync(), place.Room, start, length);
        await SetAsync(arrived, BookingStatus.Confirmed, Now);
        var coming = await place.InsertAsync(await place.NewMemberAsync(), place.Zone, start, length);
        var noShow = await InsertAsync(place, await place.NewMemberAsync(), place.Zone, start, length, seat: 2);
        await SetAsync(noShow, BookingStatus.Released);
        var request = await place.InsertAsync(await place.NewMemberAsync(), place.Room, Tomorrow(10), TimeSpan.FromHours(2), pending: true, createdAt: Now);
        var tomorrow = await place.InsertAsync(await place.NewMemberAsync(), place.Zone, Tomorrow(10), TimeSpan.FromHours(4));
        return new World(place, arrived, coming, noShow, request, tomorrow, length.TotalHours);
    }

    [Fact]
    public async Task The_api_gives_today_s_figures_the_pending_count_and_the_week_s_occupancy_by_kind()
    {
        var world = await WorldAsync();
        var admin = await app.ClientForAsync(world.Place.AdminEmail);

        var figures = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/dashboard?locationId={world.Place.Location}");

        var today = figures.GetProperty("today");
        today.GetProperty("seats").GetInt32().ShouldBe(4);
        today.GetProperty("seatsTaken").GetInt32().ShouldBe(2);
        today.GetProperty("occupancyNowPercent").GetInt32().ShouldBe(50);
        today.GetProperty("arrivalsExpected").GetInt32().ShouldBe(2);
        today.GetProperty("checkedIn").GetInt32().ShouldBe(1);
        today.GetProperty("noShows").GetInt32().ShouldBe(1);
        today.GetProperty("openHours").GetDouble().ShouldBe(4 * OpenHours(1));
        today.GetProperty("bookedHours").GetDouble().ShouldBe(2 * world.Hours, 0.01);
        figures.GetProperty("pendingCount").GetInt32().ShouldBe(1);
        var week = figures.GetProperty("next7Days").EnumerateArray().ToDictionary(k => k.GetProperty("kind").GetString()!);
        week["HotDeskZone"].GetProperty("seats").GetInt32().ShouldBe(3);
        week["HotDeskZone"].GetProperty("openHours").GetDouble().ShouldBe(3 * OpenHours(7));
        week["HotDeskZone"].GetProperty("bookedHours").GetDouble().ShouldBe(world.Hours + 4, 0.01); // 1 h now and 4 h tomorrow; not the no-show
        week["MeetingRoom"].GetProperty("openHours").GetDouble().ShouldBe(OpenHours(7));
        week["MeetingRoom"].GetProperty("bookedHours").GetDouble().ShouldBe(world.Hours, 0.01); // the request is not counted
        week["MeetingRoom"].GetProperty("percent").GetInt32().ShouldBe((int)Math.Round(100 * world.Hours / OpenHours(7), MidpointRounding.AwayFromZero));
        figures.GetProperty("weeks").GetArrayLength().ShouldBe(12);

        using var unknown = await admin.GetAsync($"/api/v1/dashboard?locationId={Guid.NewGuid()}");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var bad = await admin.GetAsync("/api/v1/dashboard?locationId=nowhere");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_manager_approves_tomorrow_s_request_from_the_dashboard()
    {
        var world = await WorldAsync();
        var (manager, _) = await StaffAsync(world.Place.Location, StaffRole.Manager);
        var url = $"/admin?locationId={world.Place.Location}";

        var (_, doc) = await TestApp.GetHtmlAsync(manager, url);
        doc.QuerySelector("#pending-count")!.TextContent.Trim().ShouldBe("1");
        doc.QuerySelector("#nav-pending")!.TextContent.ShouldStartWith("1");
        doc.QuerySelectorAll("#inbox tbody tr").Select(r => r.GetAttribute("data-booking")).ShouldBe([world.Request.ToString()]);
        doc.QuerySelector($"tr[data-booking='{world.Request}'] form[action*='approve=true']").ShouldNotBeNull();
        doc.QuerySelector("#figure-expected .figure")!.TextContent.ShouldBe("2");
        doc.QuerySelector("#figure-checked-in .figure")!.TextContent.ShouldBe("1");
        doc.QuerySelector("#figure-no-shows .figure")!.TextContent.ShouldBe("1");
        doc.QuerySelector("#chart-next-7")!.GetAttribute("role").ShouldBe("img");
        doc.QuerySelector("#table-next-7 tr[data-kind='HotDeskZone'] .percent")!.TextContent.ShouldBe("1 %");

        using var approved = await TestApp.PostFormAsync(manager, $"/admin?id={world.Request}&locationId={world.Place.Location}&approve=true&handler=Decide", [], url);
        approved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.Bookings.AsNoTracking().SingleAsync(b => b.Id == world.Request))).Status.ShouldBe(BookingStatus.Confirmed);
        var (_, after) = await TestApp.GetHtmlAsync(manager, url);
        after.QuerySelector("#pending-count")!.TextContent.Trim().ShouldBe("0");
        after.QuerySelector("#inbox").ShouldBeNull();
        after.QuerySelector("#nav-pending").ShouldBeNull();
    }

    [Fact]
    public async Task Staff_see_only_their_locations_and_the_counts_match_the_lists()
    {
        var world = await WorldAsync();
        var other = await WorldAsync();
        var gone = await world.Place.NewMemberAsync();
        await app.WithDbAsync(db => db.Members.Where(m => m.Id == gone.MemberId).ExecuteUpdateAsync(s => s.SetProperty(m => m.IsActive, false)));
        var (host, hostApi) = await StaffAsync(world.Place.Location, StaffRole.Host);
        var (_, managerApi) = await StaffAsync(world.Place.Location, StaffRole.Manager);

        var (_, doc) = await TestApp.GetHtmlAsync(host, "/admin");
        doc.QuerySelectorAll("#inbox tbody tr").Select(r => r.GetAttribute("data-booking")).ShouldBe([world.Request.ToString()]);
        doc.QuerySelector("#inbox form").ShouldBeNull(); // hosts do not decide
        doc.QuerySelector("#count-locations .figure")!.TextContent.ShouldBe("1");
        await TestApp.GetHtmlAsync(host, $"/admin?locationId={other.Place.Location}", HttpStatusCode.NotFound);
        using var foreign = await managerApi.GetAsync($"/api/v1/dashboard?locationId={other.Place.Location}");
        foreign.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var refused = await TestApp.PostFormAsync(host, $"/admin?id={world.Request}&approve=true&handler=Decide", [], "/admin");
        (await app.WithDbAsync(db => db.Bookings.AsNoTracking().SingleAsync(b => b.Id == world.Request))).Status.ShouldBe(BookingStatus.Pending);

        var mine = await hostApi.GetFromJsonAsync<JsonElement>("/api/v1/dashboard");
        mine.GetProperty("pendingCount").GetInt32().ShouldBe(1);
        mine.GetProperty("today").GetProperty("seats").GetInt32().ShouldBe(4);
        var members = await hostApi.GetFromJsonAsync<JsonElement>("/api/v1/members?pageSize=1");
        var counts = mine.GetProperty("counts");
        counts.GetProperty("members").GetInt32().ShouldBe(members.GetProperty("totalCount").GetInt32());
        counts.GetProperty("members").GetInt32().ShouldBe(counts.GetProperty("activeMembers").GetInt32() + 1);
        doc.QuerySelector("#count-members .figure")!.TextContent.ShouldBe(counts.GetProperty("members").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class DashboardTests_Sqlite(SqliteTestApp app) : DashboardTests(app);

[Collection(PostgresCollection.Name)]
public sealed class DashboardTests_Postgres(PostgresTestApp app) : DashboardTests(app);
