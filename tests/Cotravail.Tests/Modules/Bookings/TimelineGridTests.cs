using System.Globalization;
using System.Net;
using Cotravail.Common.Auth;
using Cotravail.Modules.Bookings;
using Cotravail.Modules.Resources;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Modules.Bookings;

/// The day timeline as a grid: who sees what in each block, the buffers, the booking panel where the location's
/// staff approve, decline and check in, and the range chosen by drag or keyboard arriving as the from and to of the address.
public abstract class TimelineGridTests(TestApp app)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private DateTime Now => app.Clock.GetUtcNow().UtcDateTime;

    private DateTime LocalDay(int daysAhead) => TimeZoneInfo.ConvertTimeFromUtc(Now, Paris).Date.AddDays(daysAhead);

    private static DateTime Utc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Paris);

    private static string Date(DateTime day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task<Booking> BookingAsync(Guid id) => app.WithDbAsync(db => db.Bookings.AsNoTracking().SingleAsync(b => b.Id == id));

    private Task<HttpClient> StaffBrowserAsync(Guid location, StaffRole role) => app.StaffBrowserAsync(location, role);

    [Fact]
    public async Task Staff_see_who_booked_and_approve_a_request_of_tomorrow_from_the_grid_while_members_see_blocks_without_names()
    {
        var world = await BookingWorld.CreateAsync(app);
        var booker = await world.NewMemberAsync();
        var day = LocalDay(1);
        var confirmed = await world.InsertAsync(booker, world.Room, Utc(day.AddHours(10)), TimeSpan.FromHours(1.5));
        var request = await world.InsertAsync(booker, world.Room, Utc(day.AddHours(14)), TimeSpan.FromHours(2), pending: true, createdAt: Now);
        var manager = await StaffBrowserAsync(world.Location, StaffRole.Manager);
        var host = await StaffBrowserAsync(world.Location, StaffRole.Host);
        var (member, _) = await world.MemberBrowserAsync();
        var timeline = $"/locations/{await world.SlugAsync()}/timeline?date={Date(day)}";

        var (_, staffView) = await TestApp.GetHtmlAsync(host, timeline);
        var block = TimelineCells.At(staffView, world.Room, "10:30");
        (block.ClassName, block.GetAttribute("data-time"), block.GetAttribute("data-end"), block.GetAttribute("colspan")).ShouldBe(("busy", "10:00", "11:30", "3"));
        block.QuerySelector(".who")!.TextContent.ShouldBe("Camille Booker");
        block.QuerySelector("a")!.GetAttribute("href").ShouldBe($"{timeline}&booking={confirmed}#selected");
        var pending = TimelineCells.At(staffView, world.Room, "15:00");
        pending.ClassName.ShouldBe("pending");
        pending.TextContent.ShouldContain("En attente d'approbation");

        var (html, memberView) = await TestApp.GetHtmlAsync(member, timeline);
        html.ShouldNotContain("Camille Booker");
        html.ShouldNotContain("Inserted"); // the title
        TimelineCells.At(memberView, world.Room, "10:30").QuerySelector(".who")!.TextContent.ShouldBe("Pris");
        TimelineCells.At(memberView, world.Room, "15:00").QuerySelector(".who")!.TextContent.ShouldBe("En attente");
        var (_, noPanel) = await TestApp.GetHtmlAsync(member, $"{timeline}&booking={request}");
        noPanel.QuerySelector("#selected").ShouldBeNull();

        var panelUrl = $"{timeline}&booking={request}";
        var (_, hostPanel) = await TestApp.GetHtmlAsync(host, panelUrl);
        hostPanel.QuerySelector("#selected")!.TextContent.ShouldContain("Camille Booker");
        hostPanel.QuerySelector("#selected form[action*='handler=Decide']").ShouldBeNull(); // hosts do not decide
        var (_, managerPanel) = await TestApp.GetHtmlAsync(manager, panelUrl);
        managerPanel.QuerySelector("#selected a[href='/me/bookings/" + request + "']").ShouldNotBeNull();
        managerPanel.QuerySelector("#selected button[name=approve][value=true]").ShouldNotBeNull();

        using var refused = await TestApp.PostFormAsync(host, $"{timeline}&handler=Decide",
            new Dictionary<string, string> { ["id"] = request.ToString(), ["approve"] = "true", ["date"] = Date(day) }, timeline);
        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        refused.Headers.Location!.OriginalString.ShouldContain("/account/denied");
        (await BookingAsync(request)).Status.ShouldBe(BookingStatus.Pending);

        using var approved = await TestApp.PostFormAsync(manager, $"{timeline}&handler=Decide",
            new Dictionary<string, string> { ["id"] = request.ToString(), ["approve"] = "true", ["date"] = Date(day) }, panelUrl);
        approved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        approved.Headers.Location!.OriginalString.ShouldEndWith($"&booking={request}#selected");
        (await BookingAsync(request)).Status.ShouldBe(BookingStatus.Confirmed);
        var (_, after) = await TestApp.GetHtmlAsync(manager, approved.Headers.Location!.OriginalString);
        after.QuerySelector(".notice.success")!.TextContent.ShouldBe("La demande est approuvée.");
        TimelineCells.At(after, world.Room, "15:00").ClassName.ShouldBe("busy");
    }

    [Fact]
    public async Task The_front_desk_checks_in_an_arrival_from_the_booking_panel()
    {
        var world = await BookingWorld.CreateAsync(app);
        var booker = await world.NewMemberAsync();
        var arriving = await world.InsertAsync(booker, world.Room, Now.AddMinutes(5), TimeSpan.FromHours(1));
        var host = await StaffBrowserAsync(world.Location, StaffRole.Host);
        var today = TimeZoneInfo.ConvertTimeFromUtc(Now.AddMinutes(5), Paris).Date;
        var timeline = $"/locations/{await world.SlugAsync()}/timeline?date={Date(today)}";
        var panel = $"{timeline}&booking={arriving}";

        var (_, doc) = await TestApp.GetHtmlAsync(host, panel);
        doc.QuerySelector("#selected form[action*='handler=CheckIn']").ShouldNotBeNull();
        using var checkedIn = await TestApp.PostFormAsync(host, $"{timeline}&handler=CheckIn",
            new Dictionary<string, string> { ["id"] = arriving.ToString(), ["date"] = Date(today) }, panel);

        checkedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await BookingAsync(arriving)).CheckedInAt.ShouldNotBeNull();
        var (_, after) = await TestApp.GetHtmlAsync(host, checkedIn.Headers.Location!.OriginalString);
        after.QuerySelector("#selected")!.TextContent.ShouldContain("Enregistré·e");
        after.QuerySelector("#selected form[action*='handler=CheckIn']").ShouldBeNull();
    }

    [Fact]
    public async Task Set_up_and_cleaning_around_a_booking_show_as_buffers_and_a_chosen_range_prefills_the_form()
    {
        var world = await BookingWorld.CreateAsync(app, policy: BookingPolicy.Default with { SetupMinutes = 30, CleanupMinutes = 30 });
        var day = LocalDay(2);
        (await world.BookAsync(await world.MemberClientAsync(), world.Room, day.AddHours(10), day.AddHours(11))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var (member, _) = await world.MemberBrowserAsync();
        var timeline = $"/locations/{await world.SlugAsync()}/timeline?date={Date(day)}";

        var (_, doc) = await TestApp.GetHtmlAsync(member, timeline);
        // Starting at 09:00 would need its cleaning until 10:00, where the booking's set-up begins at 09:30.
        TimelineCells.At(doc, world.Room, "08:30").ClassName.ShouldBe("free");
        TimelineCells.At(doc, world.Room, "09:00").ClassName.ShouldBe("buffer");
        TimelineCells.At(doc, world.Room, "09:30").ClassName.ShouldBe("buffer");
        TimelineCells.At(doc, world.Room, "10:00").ClassName.ShouldBe("busy");
        TimelineCells.At(doc, world.Room, "11:00").ClassName.ShouldBe("buffer");
        TimelineCells.At(doc, world.Room, "12:00").ClassName.ShouldBe("free");
        doc.QuerySelectorAll($"tr[data-resource='{world.Room}'] td.free a").Length.ShouldBe(doc.QuerySelectorAll($"tr[data-resource='{world.Room}'] td.free").Length);

        var (_, form) = await TestApp.GetHtmlAsync(member, $"{timeline}&resource={world.Room}&from=13:00&to=15:30");
        form.QuerySelector("#Input_From")!.GetAttribute("value").ShouldBe("13:00");
        form.QuerySelector("#Input_To option[selected]")!.GetAttribute("value").ShouldBe("15:30");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class TimelineGridTests_Sqlite(SqliteTestApp app) : TimelineGridTests(app);

[Collection(PostgresCollection.Name)]
public sealed class TimelineGridTests_Postgres(PostgresTestApp app) : TimelineGridTests(app);
