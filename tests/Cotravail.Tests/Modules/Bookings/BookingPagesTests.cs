using System.Globalization;
using System.Net;
using Cotravail.Modules.Members;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Cotravail.Modules.Bookings;
using Cotravail.Modules.Locations;

namespace Cotravail.Tests.Modules.Bookings;

public abstract class BookingPagesTests(TestApp app)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private DateTime Day(int daysAhead = 3) =>
        TimeZoneInfo.ConvertTimeFromUtc(app.Clock.GetUtcNow().UtcDateTime, Paris).Date.AddDays(daysAhead);

    private static string Date(DateTime day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_timeline_shows_busy_cells_without_names_and_books_a_free_slot()
    {
        var world = await BookingWorld.CreateAsync(app);
        var day = Day();
        var other = await world.MemberClientAsync();
        using var secret = await other.PostAsync("/api/v1/bookings", System.Net.Http.Json.JsonContent.Create(new
        {
            resourceId = world.Room, start = $"{Date(day)}T10:00", end = $"{Date(day)}T11:00", title = "Entretien confidentiel",
        }));
        secret.StatusCode.ShouldBe(HttpStatusCode.Created);
        var (browser, _) = await world.MemberBrowserAsync();
        var timeline = $"/locations/{await world.SlugAsync()}/timeline?date={Date(day)}";

        var (html, doc) = await TestApp.GetHtmlAsync(browser, timeline);
        var row = doc.QuerySelector($"tr[data-resource='{world.Room}']")!;
        var taken = row.QuerySelector("td[data-time='10:00']")!;
        taken.ClassName.ShouldBe("busy"); // one block for the hour, without the booker's name or title
        taken.GetAttribute("data-end").ShouldBe("11:00");
        taken.GetAttribute("colspan").ShouldBe("2");
        row.QuerySelector("td[data-time='10:30']").ShouldBeNull();
        html.ShouldNotContain("Entretien confidentiel");
        html.ShouldNotContain("Camille Booker");
        doc.QuerySelectorAll("table.timeline thead th[scope=colgroup]").Length.ShouldBe(15); // 07:00..21:00, an hour each
        doc.QuerySelector("table.timeline col.time-col")!.GetAttribute("span").ShouldBe("30");
        var free = row.QuerySelector("a[data-time='14:00']")!.GetAttribute("href")!;

        var (_, form) = await TestApp.GetHtmlAsync(browser, free);
        form.QuerySelector("#book select[name='Input.To'] option[selected]")!.GetAttribute("value").ShouldBe("15:00");
        using var booked = await TestApp.PostFormAsync(browser, timeline, new Dictionary<string, string>
        {
            ["Input.ResourceId"] = world.Room.ToString(), ["Input.Date"] = Date(day), ["Input.From"] = "14:00", ["Input.To"] = "15:30",
        }, free);

        booked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        booked.Headers.Location!.OriginalString.ShouldBe("/me/bookings");
        var (_, mine) = await TestApp.GetHtmlAsync(browser, "/me/bookings");
        var line = mine.QuerySelector("#coming tbody tr")!;
        line.QuerySelector("th")!.TextContent.ShouldBe("Salle Tilleul");
        line.TextContent.ShouldContain("14:00–15:30");
        line.TextContent.ShouldContain("50,00"); // two started hours at 25.00
        var (_, after) = await TestApp.GetHtmlAsync(browser, timeline);
        var mineCell = TimelineCells.At(after, world.Room, "15:00");
        mineCell.ClassName.ShouldBe("yours");
        (mineCell.GetAttribute("data-time"), mineCell.GetAttribute("data-end")).ShouldBe(("14:00", "15:30"));
        mineCell.QuerySelector("a")!.GetAttribute("href")!.ShouldStartWith("/me/bookings/");
    }

    [Fact]
    public async Task A_refused_booking_is_shown_by_its_field_with_what_was_typed()
    {
        var world = await BookingWorld.CreateAsync(app);
        var day = Day();
        var (browser, _) = await world.MemberBrowserAsync();
        (await world.BookAsync(await world.MemberClientAsync(), world.Room, day.AddHours(10), day.AddHours(11))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var timeline = $"/locations/{await world.SlugAsync()}/timeline?date={Date(day)}";
        var form = $"{timeline}&resource={world.Room}&from=09:00";

        using var taken = await TestApp.PostFormAsync(browser, timeline, new Dictionary<string, string>
        {
            ["Input.ResourceId"] = world.Room.ToString(), ["Input.Date"] = Date(day), ["Input.From"] = "10:30", ["Input.To"] = "12:00",
        }, form);
        taken.StatusCode.ShouldBe(HttpStatusCode.OK);
        var (_, doc) = await TestApp.ParseAsync(taken);
        doc.QuerySelector("#Input_From-error")!.TextContent.ShouldNotBeNullOrWhiteSpace();
        doc.QuerySelector("#Input_From")!.GetAttribute("value").ShouldBe("10:30");
        doc.QuerySelector("#Input_To option[selected]")!.GetAttribute("value").ShouldBe("12:00");

        using var tooLong = await TestApp.PostFormAsync(browser, timeline, new Dictionary<string, string>
        {
            ["Input.ResourceId"] = world.Room.ToString(), ["Input.Date"] = Date(day), ["Input.From"] = "08:00", ["Input.To"] = "21:00",
        }, form);
        (await TestApp.ParseAsync(tooLong)).Doc.QuerySelector("#Input_To-error")!.TextContent.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task The_search_page_lists_free_and_explained_resources_and_books_then_my_bookings_cancels()
    {
        var world = await BookingWorld.CreateAsync(app);
        var day = Day(4);
        (await world.BookAsync(await world.MemberClientAsync(), world.Room, day.AddHours(10), day.AddHours(11))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var (browser, _) = await world.MemberBrowserAsync();

        var (_, taken) = await TestApp.GetHtmlAsync(browser, $"/book?date={Date(day)}&from=10:00&to=11:00&locationId={world.Location}&kind=MeetingRoom");
        taken.QuerySelector($"ul.results:not(.unavailable) li[data-resource='{world.Room}']").ShouldBeNull();
        taken.QuerySelector($"ul.unavailable li[data-resource='{world.Room}'] .reason")!.TextContent.ShouldNotBeNullOrWhiteSpace();

        var search = $"/book?date={Date(day)}&from=14:00&to=16:00&locationId={world.Location}&people=2&amenities=";
        var (_, free) = await TestApp.GetHtmlAsync(browser, search);
        var result = free.QuerySelector($"ul.results li[data-resource='{world.Room}']")!;
        result.TextContent.ShouldContain("50,00");
        free.QuerySelector($"ul.results li[data-resource='{world.Zone}']").ShouldNotBeNull();
        var action = result.QuerySelector("form")!.GetAttribute("action")!;
        using var booked = await TestApp.PostFormAsync(browser, action, new Dictionary<string, string> { ["resourceId"] = world.Room.ToString() }, search);
        booked.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var (_, mine) = await TestApp.GetHtmlAsync(browser, "/me/bookings");
        var line = mine.QuerySelector("#coming tbody tr")!;
        var id = line.GetAttribute("data-booking")!;
        using var cancelled = await TestApp.PostFormAsync(browser, $"/me/bookings/{id}/cancel", []);
        cancelled.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, after) = await TestApp.GetHtmlAsync(browser, "/me/bookings");
        after.QuerySelector($"#coming tr[data-booking='{id}'] a.cancel").ShouldBeNull();
        var status = await app.WithDbAsync(db => db.Bookings.Where(b => b.Id == Guid.Parse(id)).Select(b => b.Status).SingleAsync());
        status.ShouldBe(Cotravail.Modules.Bookings.BookingStatus.Cancelled);
    }

    [Fact]
    public async Task A_closed_day_says_so_and_unknown_locations_are_not_found()
    {
        var world = await BookingWorld.CreateAsync(app);
        var day = Day(5);
        await app.WithDbAsync(async db =>
        {
            var location = await db.Locations.SingleAsync(l => l.Id == world.Location);
            location.SetClosedDays([new Cotravail.Modules.Locations.ClosedDay(DateOnly.FromDateTime(day), "Inventaire")]);
            await db.SaveChangesAsync();
        });
        var (browser, _) = await world.MemberBrowserAsync();

        var (_, doc) = await TestApp.GetHtmlAsync(browser, $"/locations/{await world.SlugAsync()}/timeline?date={Date(day)}");
        doc.QuerySelector("table.timeline").ShouldBeNull();
        doc.QuerySelector("p.notice[role=status]").ShouldNotBeNull();
        doc.QuerySelector("a[rel=next]")!.GetAttribute("href")!.ShouldEndWith(Date(day.AddDays(1)));
        await TestApp.GetHtmlAsync(browser, "/locations/nowhere-at-all/timeline", HttpStatusCode.NotFound);
    }
}

internal static class BookingWorldPages
{
    /// A new member of the world's location signed in through the sign-in page (cookies, like a browser).
    public static async Task<(HttpClient Browser, string Email)> MemberBrowserAsync(this BookingWorld world)
    {
        var email = TestApp.NewEmail("page-booker");
        var user = await world.App.CreateUserAsync(email);
        await world.App.WithDbAsync(async db =>
        {
            var member = new Member("Alix", "Pages", email, MemberCategory.Freelancer, world.Location);
            member.LinkAccount(user.Id);
            db.Members.Add(member);
            await db.SaveChangesAsync();
        });
        return (await world.App.BrowserClientAsync(email), email);
    }

    public static Task<string> SlugAsync(this BookingWorld world) =>
        world.App.WithDbAsync(db => db.Locations.Where(l => l.Id == world.Location).Select(l => l.Slug).SingleAsync());
}

[Collection(SqliteCollection.Name)]
public sealed class BookingPagesTests_Sqlite(SqliteTestApp app) : BookingPagesTests(app);

[Collection(PostgresCollection.Name)]
public sealed class BookingPagesTests_Postgres(PostgresTestApp app) : BookingPagesTests(app);
