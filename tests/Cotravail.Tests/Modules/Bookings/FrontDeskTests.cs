using System.Net;
using Cotravail.Common.Auth;
using Cotravail.Modules.Bookings;
using Cotravail.Modules.Resources;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Modules.Bookings;

/// The front desk: the printable check-in QR code of a resource, the /check-in page it leads to and
/// the staff's view of today's arrivals.
public abstract class FrontDeskTests(TestApp app)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private DateTime Now => app.Clock.GetUtcNow().UtcDateTime;

    /// A start a few minutes ahead (check-in is open) that is still today in Paris.
    private DateTime SoonToday()
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(Now, Paris);
        var untilMidnight = local.Date.AddDays(1) - local;
        return Now + TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(10).Ticks, untilMidnight.Ticks / 2));
    }

    private Task<HttpClient> StaffBrowserAsync(Guid location, StaffRole role) => app.StaffBrowserAsync(location, role);

    private Task<Booking> BookingAsync(Guid id) => app.WithDbAsync(db => db.Bookings.AsNoTracking().SingleAsync(b => b.Id == id));

    [Fact]
    public async Task The_qr_page_shows_a_code_of_the_check_in_address_to_its_location_staff_only()
    {
        var world = await BookingWorld.CreateAsync(app);
        var other = await BookingWorld.CreateAsync(app);
        var manager = await StaffBrowserAsync(world.Location, StaffRole.Manager);
        var host = await StaffBrowserAsync(world.Location, StaffRole.Host);
        var foreign = await StaffBrowserAsync(other.Location, StaffRole.Manager);
        var (member, _) = await world.MemberBrowserAsync();
        var url = $"/admin/resources/{world.Room}/qr";

        var (html, doc) = await TestApp.GetHtmlAsync(manager, url);
        doc.QuerySelector("h1")!.TextContent.ShouldBe("Salle Tilleul");
        doc.QuerySelector(".qr-location")!.TextContent.ShouldBe("Booking test");
        doc.QuerySelector("img.qr-large")!.GetAttribute("src")!.ShouldStartWith("data:image/png;base64,");
        doc.QuerySelector(".qr-url a")!.GetAttribute("href").ShouldBe($"{TestApp.BaseUri.GetLeftPart(UriPartial.Authority)}/check-in/{world.Room}");
        html.ShouldContain("/check-in/" + world.Room);
        await TestApp.GetHtmlAsync(host, url);
        var (_, edit) = await TestApp.GetHtmlAsync(manager, $"/admin/resources/edit/{world.Room}");
        edit.QuerySelector($"a[href='{url}']").ShouldNotBeNull();

        await TestApp.GetHtmlAsync(foreign, url, HttpStatusCode.NotFound);
        using var denied = await member.GetAsync(url);
        denied.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        denied.Headers.Location!.OriginalString.ShouldContain("/account/denied");
    }

    [Fact]
    public async Task A_member_checks_in_through_the_qr_address_only_when_the_booking_is_about_to_start()
    {
        var world = await BookingWorld.CreateAsync(app);
        var booker = await world.NewMemberAsync();
        var soon = await world.InsertAsync(booker, world.Room, Now.AddMinutes(10), TimeSpan.FromHours(1));
        var later = await world.InsertAsync(booker, world.Zone, Now.AddHours(2), TimeSpan.FromHours(1));
        var browser = await app.BrowserClientAsync(booker.Email);
        using var anonymous = app.AnonymousClient();
        using var signIn = await anonymous.GetAsync($"/check-in/{world.Room}");
        signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signIn.Headers.Location!.OriginalString.ShouldContain("/account/sign-in");
        Uri.UnescapeDataString(signIn.Headers.Location!.OriginalString).ShouldContain($"/check-in/{world.Room}");

        var (_, page) = await TestApp.GetHtmlAsync(browser, $"/check-in/{world.Room}");
        page.QuerySelector("#open-booking")!.GetAttribute("data-booking").ShouldBe(soon.ToString());
        using var posted = await TestApp.PostFormAsync(browser, $"/check-in/{world.Room}", new Dictionary<string, string> { ["bookingId"] = soon.ToString() });
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var (_, after) = await TestApp.GetHtmlAsync(browser, posted.Headers.Location!.OriginalString);
        after.QuerySelector("[role=status]")!.TextContent.ShouldContain("Salle Tilleul");
        after.QuerySelector("#checked-in").ShouldNotBeNull();
        (await BookingAsync(soon)).CheckedInAt.ShouldNotBeNull();

        var (_, nothing) = await TestApp.GetHtmlAsync(browser, $"/check-in/{world.Zone}");
        nothing.QuerySelector("#nothing").ShouldNotBeNull();
        nothing.QuerySelector("#open-booking").ShouldBeNull();
        (await BookingAsync(later)).CheckedInAt.ShouldBeNull();
    }

    [Fact]
    public async Task My_bookings_offers_check_in_only_in_the_check_in_window()
    {
        var world = await BookingWorld.CreateAsync(app);
        var booker = await world.NewMemberAsync();
        var soon = await world.InsertAsync(booker, world.Room, Now.AddMinutes(10), TimeSpan.FromHours(1));
        var later = await world.InsertAsync(booker, world.Zone, Now.AddHours(2), TimeSpan.FromHours(1));
        var browser = await app.BrowserClientAsync(booker.Email);

        var (_, mine) = await TestApp.GetHtmlAsync(browser, "/me/bookings");
        mine.QuerySelector($"tr[data-booking='{soon}'] form[action*='handler=CheckIn']").ShouldNotBeNull();
        mine.QuerySelector($"tr[data-booking='{later}'] form[action*='handler=CheckIn']").ShouldBeNull();
        using var posted = await TestApp.PostFormAsync(browser, $"/me/bookings?id={soon}&handler=CheckIn", [], "/me/bookings");

        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await BookingAsync(soon)).CheckedInAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task The_today_view_lists_the_location_s_bookings_of_today_and_checks_in_and_approves()
    {
        var world = await BookingWorld.CreateAsync(app, policy: BookingPolicy.Default with { RequiresApproval = true });
        var other = await BookingWorld.CreateAsync(app);
        var booker = await world.NewMemberAsync();
        var start = SoonToday();
        var arriving = await world.InsertAsync(booker, world.Room, start, TimeSpan.FromHours(1));
        var pending = await world.InsertAsync(booker, world.Zone, start, TimeSpan.FromHours(1), pending: true, createdAt: Now);
        var nextWeek = await world.InsertAsync(booker, world.Room, Now.AddDays(7), TimeSpan.FromHours(1));
        var elsewhere = await other.InsertAsync(await other.NewMemberAsync(), other.Room, start, TimeSpan.FromHours(1));
        var manager = await StaffBrowserAsync(world.Location, StaffRole.Manager);
        var host = await StaffBrowserAsync(world.Location, StaffRole.Host);
        var foreignHost = await StaffBrowserAsync(other.Location, StaffRole.Host);
        var url = $"/admin/today?locationId={world.Location}";

        var (_, doc) = await TestApp.GetHtmlAsync(host, url);
        doc.QuerySelectorAll("#today tbody tr").Select(r => r.GetAttribute("data-booking")).ShouldBe([arriving.ToString(), pending.ToString()], ignoreOrder: true);
        var row = doc.QuerySelector($"tr[data-booking='{arriving}']")!;
        row.TextContent.ShouldContain("Camille Booker");
        row.QuerySelector(".status")!.TextContent.ShouldBe("À venir"); // French is the default language
        doc.QuerySelector($"tr[data-booking='{pending}'] .status")!.TextContent.ShouldBe("En attente d'approbation");
        doc.QuerySelector($"tr[data-booking='{pending}'] form[action*='handler=Decide']").ShouldBeNull(); // hosts do not decide
        doc.QuerySelector("#count-expected")!.TextContent.ShouldContain("1");
        doc.QuerySelector($"tr[data-booking='{nextWeek}']").ShouldBeNull();
        doc.QuerySelector($"tr[data-booking='{elsewhere}']").ShouldBeNull();
        await TestApp.GetHtmlAsync(foreignHost, url, HttpStatusCode.NotFound);

        using var checkedIn = await TestApp.PostFormAsync(host, $"/admin/today?id={arriving}&locationId={world.Location}&handler=CheckIn", [], url);
        checkedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await BookingAsync(arriving)).CheckedInAt.ShouldNotBeNull();
        var (_, after) = await TestApp.GetHtmlAsync(host, url);
        after.QuerySelector($"tr[data-booking='{arriving}'] .status")!.TextContent.ShouldBe("Enregistré·e");
        after.QuerySelector("#count-checked-in")!.TextContent.ShouldContain("1");

        var (_, managerView) = await TestApp.GetHtmlAsync(manager, url);
        managerView.QuerySelector($"tr[data-booking='{pending}'] form[action*='approve=true']").ShouldNotBeNull();
        using var approved = await TestApp.PostFormAsync(manager, $"/admin/today?id={pending}&locationId={world.Location}&approve=true&handler=Decide", [], url);
        approved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await BookingAsync(pending)).Status.ShouldBe(BookingStatus.Confirmed);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class FrontDeskTests_Sqlite(SqliteTestApp app) : FrontDeskTests(app);

[Collection(PostgresCollection.Name)]
public sealed class FrontDeskTests_Postgres(PostgresTestApp app) : FrontDeskTests(app);
