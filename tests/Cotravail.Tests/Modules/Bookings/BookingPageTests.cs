using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Common.Auth;
using Cotravail.Modules.Bookings;
using Cotravail.Modules.Resources;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Modules.Bookings;

/// The booking page (/me/bookings/{id}), its .ics, its cancel step, and the fee of cancelling now in the API.
public abstract class BookingPageTests(TestApp app)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private DateTime Day(int daysAhead = 3) =>
        TimeZoneInfo.ConvertTimeFromUtc(app.Clock.GetUtcNow().UtcDateTime, Paris).Date.AddDays(daysAhead);

    /// Three days ahead, a two-hour room booking at 25.00 an hour (50.00 excl. VAT, 60.00 incl. 20 % VAT).
    private async Task<(BookingWorld World, HttpClient Browser, Guid Id, DateTime Start)> BookedAsync(int freeHours)
    {
        var world = await BookingWorld.CreateAsync(app, BookingPolicy.Default with { FreeCancellationHours = freeHours, LateCancellationPercent = 50 });
        var (browser, email) = await world.MemberBrowserAsync();
        var start = Day().AddHours(10);
        using var booked = await world.BookAsync(await app.ClientForAsync(email), world.Room, start, start.AddHours(2));
        var body = await booked.Content.ReadFromJsonAsync<JsonElement>();
        booked.StatusCode.ShouldBe(HttpStatusCode.Created, body.ToString());
        return (world, browser, body.GetProperty("id").GetGuid(), start);
    }

    [Fact]
    public async Task The_fee_now_is_nothing_in_the_free_window_and_the_policy_share_after_it()
    {
        var (world, browser, free, _) = await BookedAsync(freeHours: 24);
        var (_, lateBrowser, late, _) = await BookedAsync(freeHours: 24 * 7); // three days ahead is past a week's limit
        var admin = await app.ClientForAsync(world.AdminEmail);

        var freeTerms = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/bookings/{free}")).GetProperty("cancellation");
        freeTerms.GetProperty("feeNowCents").GetInt64().ShouldBe(0);
        freeTerms.GetProperty("feeNow").GetDecimal().ShouldBe(0m);
        freeTerms.GetProperty("freeCancellationHours").GetInt32().ShouldBe(24);
        freeTerms.GetProperty("lateCancellationPercent").GetInt32().ShouldBe(50);
        freeTerms.GetProperty("cancellable").GetBoolean().ShouldBeTrue();
        var lateTerms = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/bookings/{late}")).GetProperty("cancellation");
        lateTerms.GetProperty("feeNowCents").GetInt64().ShouldBe(2500);
        lateTerms.GetProperty("feeNow").GetDecimal().ShouldBe(25m);

        var (_, freePage) = await TestApp.GetHtmlAsync(browser, $"/me/bookings/{free}");
        freePage.QuerySelector("#fee-now")!.TextContent.ShouldContain("gratuit");
        freePage.QuerySelector("#price")!.TextContent.ShouldContain("50,00");
        freePage.QuerySelector("#price")!.TextContent.ShouldContain("60,00");
        freePage.QuerySelector("#when")!.TextContent.ShouldContain("Europe/Paris");
        var (_, latePage) = await TestApp.GetHtmlAsync(lateBrowser, $"/me/bookings/{late}");
        latePage.QuerySelector("#fee-now")!.TextContent.ShouldContain("25,00");
        latePage.QuerySelector("#fee-now")!.TextContent.ShouldContain("30,00"); // incl. VAT
        latePage.QuerySelector("#terms")!.TextContent.ShouldContain("168 heures");
    }

    [Fact]
    public async Task The_booking_forms_state_the_cancellation_terms_before_booking()
    {
        var world = await BookingWorld.CreateAsync(app, BookingPolicy.Default with { FreeCancellationHours = 48, LateCancellationPercent = 30 });
        var (browser, _) = await world.MemberBrowserAsync();
        var date = Day(4).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var (_, search) = await TestApp.GetHtmlAsync(browser, $"/book?date={date}&from=14:00&to=16:00&locationId={world.Location}");
        search.QuerySelector($"ul.results li[data-resource='{world.Room}'] .terms")!.TextContent
            .ShouldBe("Annulation gratuite jusqu'à 48 heures avant le début ; ensuite, des frais de 30 % du prix sont dus.");
        var (_, timeline) = await TestApp.GetHtmlAsync(browser, $"/locations/{await world.SlugAsync()}/timeline?date={date}&resource={world.Room}&from=09:00");
        timeline.QuerySelector("#book .terms")!.TextContent.ShouldContain("48 heures");
    }

    [Fact]
    public void The_fee_follows_the_free_cancellation_limit_and_is_never_due_on_a_request()
    {
        var start = new DateTime(2026, 12, 10, 9, 0, 0, DateTimeKind.Utc);
        var slot = new Cotravail.Common.TimeSlot(start, start.AddHours(2));
        var policy = BookingPolicy.Default with { FreeCancellationHours = 24, LateCancellationPercent = 50 };
        var confirmed = new Booking(Guid.NewGuid(), ResourceKind.MeetingRoom, Guid.NewGuid(), slot, slot, Guid.NewGuid(), null, "", pending: false, start.AddDays(-5));
        confirmed.Price(6600, "EUR", 20_000);
        var pending = new Booking(Guid.NewGuid(), ResourceKind.MeetingRoom, Guid.NewGuid(), slot, slot, Guid.NewGuid(), null, "", pending: true, start.AddDays(-5));
        pending.Price(6600, "EUR", 20_000);

        confirmed.CancellationFeeAt(start.AddHours(-24), policy).ShouldBe(0); // at the limit itself, still free
        confirmed.CancellationFeeAt(start.AddHours(-20), policy).ShouldBe(3300); // 66 € cancelled 20 h ahead: 33 €
        pending.CancellationFeeAt(start.AddHours(-20), policy).ShouldBe(0);
        confirmed.Cancel(start.AddHours(-20), policy).ShouldBeTrue();
        confirmed.CancellationFeeCents.ShouldBe(3300);
    }

    [Fact]
    public async Task One_booking_downloads_as_an_ics_with_one_event_at_its_utc_times()
    {
        var (_, browser, id, start) = await BookedAsync(freeHours: 24);

        using var response = await browser.GetAsync($"/me/bookings/{id}/booking.ics");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/calendar");
        var calendar = await Ics.ReadAsync(await response.Content.ReadAsStringAsync());

        var only = calendar.Events.ShouldHaveSingleItem();
        only.Uid.ShouldBe($"{id}@cotravail"); // the feed's UID for this booking
        only.Start.ShouldBe(TimeZoneInfo.ConvertTimeToUtc(start, Paris).ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture));
        only.Summary.ShouldBe("Salle Tilleul");
        only.Status.ShouldBe("CONFIRMED");
        only.Location.ShouldContain("1 place des Tests");
        var (_, page) = await TestApp.GetHtmlAsync(browser, $"/me/bookings/{id}");
        var utc = TimeZoneInfo.ConvertTimeToUtc(start, Paris);
        page.QuerySelector("#google")!.GetAttribute("href")!.ShouldContain($"dates={utc:yyyyMMdd'T'HHmmss'Z'}/{utc.AddHours(2):yyyyMMdd'T'HHmmss'Z'}");
        page.QuerySelector("#outlook")!.GetAttribute("href")!.ShouldContain($"startdt={utc:yyyy-MM-dd'T'HH}%3A00%3A00Z");
    }

    [Fact]
    public async Task The_page_is_hidden_from_another_member_and_shown_to_the_staff_of_its_location()
    {
        var (world, _, id, _) = await BookedAsync(freeHours: 24);
        var (stranger, _) = await world.MemberBrowserAsync();
        var email = await app.NewStaffAsync(world.Location, StaffRole.Host, "host");
        var host = await app.BrowserClientAsync(email);

        await TestApp.GetHtmlAsync(stranger, $"/me/bookings/{id}", HttpStatusCode.NotFound);
        await TestApp.GetHtmlAsync(stranger, $"/me/bookings/{id}/cancel", HttpStatusCode.NotFound);
        (await stranger.GetAsync($"/me/bookings/{id}/booking.ics")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var (_, page) = await TestApp.GetHtmlAsync(host, $"/me/bookings/{id}");
        page.QuerySelector("#booking")!.GetAttribute("data-booking").ShouldBe(id.ToString());
        (await host.GetAsync($"/me/bookings/{id}/booking.ics")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_cancel_step_states_the_fee_and_its_post_cancels_charging_that_fee_once()
    {
        var (_, browser, id, _) = await BookedAsync(freeHours: 24 * 7);
        var (_, mine) = await TestApp.GetHtmlAsync(browser, "/me/bookings");
        var step = mine.QuerySelector($"#coming tr[data-booking='{id}'] a.cancel")!.GetAttribute("href")!;
        step.ShouldBe($"/me/bookings/{id}/cancel");
        mine.QuerySelector($"#coming tr[data-booking='{id}'] a.booking-page")!.GetAttribute("href").ShouldBe($"/me/bookings/{id}");

        var (_, confirm) = await TestApp.GetHtmlAsync(browser, step);
        confirm.QuerySelector("#fee-now")!.TextContent.ShouldContain("25,00");
        (await app.WithDbAsync(db => db.Bookings.Where(b => b.Id == id).Select(b => b.Status).SingleAsync())).ShouldBe(BookingStatus.Confirmed);

        using var cancelled = await TestApp.PostFormAsync(browser, step, []);
        cancelled.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        cancelled.Headers.Location!.OriginalString.ShouldBe($"/me/bookings/{id}");
        var (_, after) = await TestApp.GetHtmlAsync(browser, $"/me/bookings/{id}");
        after.QuerySelector(".notice[role=status]")!.TextContent.ShouldContain("25,00");
        after.QuerySelector("#booking")!.GetAttribute("data-status").ShouldBe("Cancelled");
        after.QuerySelector("a.cancel").ShouldBeNull();
        var row = await app.WithDbAsync(db => db.Bookings.Where(b => b.Id == id).Select(b => new { b.Status, b.CancellationFeeCents }).SingleAsync());
        row.Status.ShouldBe(BookingStatus.Cancelled);
        row.CancellationFeeCents.ShouldBe(2500);

        var (_, again) = await TestApp.GetHtmlAsync(browser, step);
        again.QuerySelector("#not-cancellable").ShouldNotBeNull();
        again.QuerySelector("form#confirm-cancel").ShouldBeNull();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class BookingPageTests_Sqlite(SqliteTestApp app) : BookingPageTests(app);

[Collection(PostgresCollection.Name)]
public sealed class BookingPageTests_Postgres(PostgresTestApp app) : BookingPageTests(app);
