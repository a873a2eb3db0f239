using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Modules.Bookings;
using Cotravail.Modules.Resources;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Cotravail.Modules.Members;

namespace Cotravail.Tests.Modules.Bookings;

/// The pages of the waitlist (join from the timeline or the search, accept / decline / leave in my
/// bookings) and of recurring series (preview, then book the free ones or all or none; cancel onwards).
public abstract class WaitlistAndSeriesPagesTests(TestApp app)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private DateTime Day(int daysAhead) => TimeZoneInfo.ConvertTimeFromUtc(app.Clock.GetUtcNow().UtcDateTime, Paris).Date.AddDays(daysAhead);

    private static string Date(DateTime day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task<Guid> MemberIdAsync(string email) => app.WithDbAsync(db => db.Members.Where(m => m.Email == email).Select(m => m.Id).SingleAsync());

    [Fact]
    public async Task A_busy_cell_of_the_timeline_joins_the_waitlist_and_my_bookings_lets_me_leave_it()
    {
        var world = await BookingWorld.CreateAsync(app);
        var day = Day(3);
        (await world.BookAsync(await world.MemberClientAsync(), world.Room, day.AddHours(10), day.AddHours(11))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var (browser, email) = await world.MemberBrowserAsync();
        var timeline = $"/locations/{await world.SlugAsync()}/timeline?date={Date(day)}";
        var (_, grid) = await TestApp.GetHtmlAsync(browser, timeline);
        var wait = grid.QuerySelector($"tr[data-resource='{world.Room}'] td.busy[data-time='10:00'] a")!.GetAttribute("href")!;
        var (_, form) = await TestApp.GetHtmlAsync(browser, wait);
        form.QuerySelector("#join-waitlist").ShouldNotBeNull();

        using var joined = await TestApp.PostFormAsync(browser, $"{timeline}&handler=Waitlist", new Dictionary<string, string>
        {
            ["Input.ResourceId"] = world.Room.ToString(), ["Input.Date"] = Date(day), ["Input.From"] = "10:00", ["Input.To"] = "11:00",
        }, wait);

        joined.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        joined.Headers.Location!.OriginalString.ShouldBe("/me/bookings#waitlist");
        var (_, mine) = await TestApp.GetHtmlAsync(browser, "/me/bookings");
        var row = mine.QuerySelector("#waitlist tbody tr")!;
        row.GetAttribute("data-status").ShouldBe("Waiting");
        row.TextContent.ShouldContain("10:00–11:00");
        var entry = row.GetAttribute("data-entry")!;
        using var left = await TestApp.PostFormAsync(browser, $"/me/bookings?id={entry}&handler=Leave", [], "/me/bookings");
        left.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.Waitlist.Where(w => w.Id == Guid.Parse(entry)).Select(w => w.Status).SingleAsync())).ShouldBe(WaitlistStatus.Withdrawn);

        // A free slot is not waited for: the form says so by its field, with what was typed.
        using var free = await TestApp.PostFormAsync(browser, $"{timeline}&handler=Waitlist", new Dictionary<string, string>
        {
            ["Input.ResourceId"] = world.Room.ToString(), ["Input.Date"] = Date(day), ["Input.From"] = "15:00", ["Input.To"] = "16:00",
        }, wait);
        free.StatusCode.ShouldBe(HttpStatusCode.OK);
        var (_, again) = await TestApp.ParseAsync(free);
        again.QuerySelector("#Input_From-error")!.TextContent.ShouldNotBeNullOrWhiteSpace();
        again.QuerySelector("#Input_From")!.GetAttribute("value").ShouldBe("15:00");
    }

    [Fact]
    public async Task A_taken_search_result_offers_the_waitlist()
    {
        var world = await BookingWorld.CreateAsync(app);
        var day = Day(4);
        (await world.BookAsync(await world.MemberClientAsync(), world.Room, day.AddHours(10), day.AddHours(11))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var (browser, email) = await world.MemberBrowserAsync();
        var search = $"/book?date={Date(day)}&from=10:00&to=11:00&locationId={world.Location}&kind=MeetingRoom";
        var (_, results) = await TestApp.GetHtmlAsync(browser, search);
        var action = results.QuerySelector($"ul.unavailable li[data-resource='{world.Room}'] form")!.GetAttribute("action")!;

        using var joined = await TestApp.PostFormAsync(browser, action, new Dictionary<string, string> { ["resourceId"] = world.Room.ToString() }, search);

        joined.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var member = await MemberIdAsync(email);
        (await app.WithDbAsync(db => db.Waitlist.CountAsync(w => w.MemberId == member && w.ResourceId == world.Room && w.Status == WaitlistStatus.Waiting))).ShouldBe(1);
    }

    [Fact]
    public async Task An_offer_is_accepted_or_declined_from_my_bookings()
    {
        var world = await BookingWorld.CreateAsync(app, new BookingPolicy { WaitlistMode = WaitlistMode.Offer });
        var day = Day(5);
        var holder = await world.NewMemberAsync();
        var (browser, email) = await world.MemberBrowserAsync();
        var api = await app.ClientForAsync(email);
        var slots = new List<Guid>();
        foreach (var hour in new[] { 9, 14 })
        {
            using var held = await world.BookAsync(holder.Client, world.Room, day.AddHours(hour), day.AddHours(hour + 1));
            var id = (await held.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            (await api.PostAsJsonAsync("/api/v1/bookings/waitlist", new
            {
                resourceId = world.Room, start = $"{Date(day)}T{hour:00}:00", end = $"{Date(day)}T{hour + 1:00}:00",
            })).StatusCode.ShouldBe(HttpStatusCode.Created);
            (await holder.Client.PostAsync($"/api/v1/bookings/{id}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
            slots.Add(id);
        }

        var (_, mine) = await TestApp.GetHtmlAsync(browser, "/me/bookings");
        var offers = mine.QuerySelectorAll("#waitlist tbody tr[data-status='Offered']");
        offers.Length.ShouldBe(2);
        mine.QuerySelector("#coming").ShouldBeNull(); // the holds are shown as offers, not as bookings
        var (accept, decline) = (offers[0].GetAttribute("data-entry")!, offers[1].GetAttribute("data-entry")!);
        offers[0].QuerySelector("form button")!.TextContent.ShouldBe("Accepter");

        using var accepted = await TestApp.PostFormAsync(browser, $"/me/bookings?id={accept}&handler=Accept", [], "/me/bookings");
        using var declined = await TestApp.PostFormAsync(browser, $"/me/bookings?id={decline}&handler=Decline", [], "/me/bookings");

        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        declined.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, after) = await TestApp.GetHtmlAsync(browser, "/me/bookings");
        var coming = after.QuerySelectorAll("#coming tbody tr");
        coming.Length.ShouldBe(1);
        coming[0].TextContent.ShouldContain("09:00–10:00");
        after.QuerySelector("#waitlist tbody").ShouldBeNull();
        (await app.WithDbAsync(db => db.Waitlist.Where(w => w.Id == Guid.Parse(decline)).Select(w => w.Status).SingleAsync())).ShouldBe(WaitlistStatus.Declined);
        (await world.BookAsync(holder.Client, world.Room, day.AddHours(14), day.AddHours(15))).StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_weekly_series_is_previewed_with_its_conflict_then_the_free_ones_are_booked_and_cancelled_onwards()
    {
        var world = await BookingWorld.CreateAsync(app);
        var first = Day(7);
        (await world.BookAsync(await world.MemberClientAsync(), world.Room, first.AddDays(7).AddHours(9), first.AddDays(7).AddHours(10)))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        var (browser, email) = await world.MemberBrowserAsync();
        var page = $"/book/series?resource={world.Room}&date={Date(first)}&from=09:00&to=10:00";
        var (_, blank) = await TestApp.GetHtmlAsync(browser, page);
        blank.QuerySelector($"#Input_ResourceId option[selected]")!.GetAttribute("value").ShouldBe(world.Room.ToString());
        var fields = new Dictionary<string, string>
        {
            ["Input.ResourceId"] = world.Room.ToString(), ["Input.Date"] = Date(first), ["Input.From"] = "09:00", ["Input.To"] = "10:00",
            ["Input.Frequency"] = "Weekly", ["Input.Interval"] = "1", ["Input.Count"] = "3", ["Input.Until"] = "",
        };

        using var previewed = await TestApp.PostFormAsync(browser, "/book/series?handler=Preview", fields, page);

        previewed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var (_, preview) = await TestApp.ParseAsync(previewed);
        var rows = preview.QuerySelectorAll("#occurrences tbody tr");
        rows.Select(r => r.ClassName).ShouldBe(["free", "conflict", "free"]);
        rows[1].TextContent.ShouldContain("Ce créneau est déjà pris.");
        preview.QuerySelector("#Input_Count")!.GetAttribute("value").ShouldBe("3");
        (await app.WithDbAsync(db => db.Bookings.CountAsync(b => b.ResourceId == world.Room))).ShouldBe(1); // a preview books nothing

        using var allOrNone = await TestApp.PostFormAsync(browser, "/book/series?handler=Book", new Dictionary<string, string>(fields) { ["Input.Mode"] = "AllOrNothing" }, page);
        allOrNone.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await TestApp.ParseAsync(allOrNone)).Doc.QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain("rien n'a été réservé");
        (await app.WithDbAsync(db => db.Bookings.CountAsync(b => b.ResourceId == world.Room))).ShouldBe(1);

        using var booked = await TestApp.PostFormAsync(browser, "/book/series?handler=Book", new Dictionary<string, string>(fields) { ["Input.Mode"] = "AvailableOnly" }, page);

        booked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, mine) = await TestApp.GetHtmlAsync(browser, "/me/bookings");
        var coming = mine.QuerySelectorAll("#coming tbody tr");
        coming.Length.ShouldBe(2);
        coming.ShouldAllBe(r => r.QuerySelector(".badge.series") != null);
        var id = coming[0].GetAttribute("data-booking")!;
        using var cancelled = await TestApp.PostFormAsync(browser, $"/me/bookings?id={id}&handler=CancelFollowing", [], "/me/bookings");
        cancelled.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var member = await MemberIdAsync(email);
        (await app.WithDbAsync(db => db.Bookings.Where(b => b.MemberId == member).Select(b => b.Status).ToListAsync()))
            .ShouldBe([BookingStatus.Cancelled, BookingStatus.Cancelled]);
    }

    [Fact]
    public async Task The_series_page_invites_guests_and_redisplays_a_bad_address_as_typed()
    {
        var world = await BookingWorld.CreateAsync(app);
        var (browser, _) = await world.MemberBrowserAsync();
        var day = Date(Day(11));
        var guest = TestApp.NewEmail("page-series-guest");
        Dictionary<string, string> Fields(string attendees) => new()
        {
            ["Input.ResourceId"] = world.Room.ToString(), ["Input.Date"] = day, ["Input.From"] = "16:00", ["Input.To"] = "17:00",
            ["Input.Frequency"] = "Daily", ["Input.Interval"] = "1", ["Input.Count"] = "2", ["Input.Until"] = "", ["Input.Mode"] = "AvailableOnly",
            ["Input.Attendees"] = attendees,
        };

        using var bad = await TestApp.PostFormAsync(browser, "/book/series?handler=Book", Fields($"{guest}\nnot-an-address"), "/book/series");
        bad.StatusCode.ShouldBe(HttpStatusCode.OK);
        var (_, doc) = await TestApp.ParseAsync(bad);
        doc.QuerySelector("#Input_Attendees-error")!.TextContent.ShouldContain("not-an-address");
        doc.QuerySelector("#Input_Attendees")!.TextContent.ShouldContain(guest);
        (await app.WithDbAsync(db => db.Bookings.CountAsync(b => b.ResourceId == world.Room))).ShouldBe(0);

        using var booked = await TestApp.PostFormAsync(browser, "/book/series?handler=Book", Fields(guest), "/book/series");
        booked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.BookingAttendees.CountAsync(a => a.Email == guest))).ShouldBe(2);
    }

    [Fact]
    public async Task A_series_without_an_end_or_with_bad_fields_is_redisplayed_with_what_was_typed()
    {
        var world = await BookingWorld.CreateAsync(app);
        var (browser, _) = await world.MemberBrowserAsync();
        var day = Date(Day(9));

        using var noEnd = await TestApp.PostFormAsync(browser, "/book/series?handler=Preview", new Dictionary<string, string>
        {
            ["Input.ResourceId"] = world.Room.ToString(), ["Input.Date"] = day, ["Input.From"] = "09:00", ["Input.To"] = "10:00",
            ["Input.Frequency"] = "Daily", ["Input.Interval"] = "1", ["Input.Count"] = "", ["Input.Until"] = "", ["Input.Title"] = "Point d'équipe",
        }, "/book/series");
        noEnd.StatusCode.ShouldBe(HttpStatusCode.OK);
        var (_, doc) = await TestApp.ParseAsync(noEnd);
        doc.QuerySelector("#Input_Count-error")!.TextContent.ShouldNotBeNullOrWhiteSpace();
        doc.QuerySelector("#Input_Title")!.GetAttribute("value").ShouldBe("Point d'équipe");
        doc.QuerySelector("#Input_Frequency option[selected]")!.GetAttribute("value").ShouldBe("Daily");
        doc.QuerySelector("#occurrences").ShouldBeNull();

        using var bad = await TestApp.PostFormAsync(browser, "/book/series?handler=Preview", new Dictionary<string, string>
        {
            ["Input.ResourceId"] = "", ["Input.Date"] = "demain", ["Input.From"] = "09:00", ["Input.To"] = "10:00",
            ["Input.Frequency"] = "Weekly", ["Input.Interval"] = "40", ["Input.Count"] = "2",
        }, "/book/series");
        var (_, errors) = await TestApp.ParseAsync(bad);
        errors.QuerySelector("#Input_ResourceId-error")!.TextContent.ShouldNotBeNullOrWhiteSpace();
        errors.QuerySelector("#Input_Date-error")!.TextContent.ShouldNotBeNullOrWhiteSpace();
        errors.QuerySelector("#Input_Interval-error")!.TextContent.ShouldNotBeNullOrWhiteSpace();
        errors.QuerySelector("#Input_Date")!.GetAttribute("value").ShouldBe("demain");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class WaitlistAndSeriesPagesTests_Sqlite(SqliteTestApp app) : WaitlistAndSeriesPagesTests(app);

[Collection(PostgresCollection.Name)]
public sealed class WaitlistAndSeriesPagesTests_Postgres(PostgresTestApp app) : WaitlistAndSeriesPagesTests(app);
