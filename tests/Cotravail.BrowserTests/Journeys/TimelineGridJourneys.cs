using System.Globalization;
using System.Text.RegularExpressions;
using Cotravail.BrowserTests.Infrastructure;
using Cotravail.BrowserTests.Pages;
using Cotravail.Common;
using Cotravail.Common.Database;
using Cotravail.Modules.Bookings;
using Cotravail.Modules.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Cotravail.Modules.Members;
using Cotravail.Modules.Resources;

namespace Cotravail.BrowserTests.Journeys;

/// The day timeline's grid in Chromium: a range picked with the keyboard (one tab stop per row) or dragged with
/// the mouse opens the booking form prefilled; the manager approves a request from the grid's booking panel.
[Collection(BrowserCollection.Name)]
public sealed class TimelineGridJourneys(BrowserApp app)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private static string Hm(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_demo_member_picks_two_hours_with_the_keyboard_and_books_them()
    {
        var page = await app.NewPageAsync("fr-FR");
        await new SignInPage(page).SignInAsync(DemoAccounts.Member, DemoAccounts.Password);
        var day = DemoCalendar.OpenWeekday(app.Services, 6);
        await new TimelinePage(page).OpenAsync(DemoAccounts.ParisSlug, day);
        var rows = page.Locator("table.day-grid tbody tr");

        // One tab stop per row: Tab leaves the row for the next one.
        (await page.Locator("table.day-grid tbody [tabindex='0']").CountAsync()).ShouldBe(await rows.CountAsync());
        var row = rows.Filter(new() { Has = page.Locator("th", new() { HasText = "Salle Arche" }) });
        var first = row.Locator("td[tabindex='0']");
        await first.FocusAsync();
        var start = TimeOnly.Parse((await first.GetAttributeAsync("data-time"))!, CultureInfo.InvariantCulture).AddHours(1);
        await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.PressAsync("ArrowRight");
        (await page.EvaluateAsync<string>("document.activeElement.getAttribute('data-time')")).ShouldBe(Hm(start));
        for (var i = 0; i < 3; i++)
        {
            await page.Keyboard.PressAsync("Shift+ArrowRight");
        }
        (await row.Locator("td[aria-selected='true']").CountAsync()).ShouldBe(4);
        (await page.Locator("#grid-choice").InnerTextAsync()).ShouldBe($"Salle Arche, {Hm(start)}–{Hm(start.AddHours(2))}");
        await page.ShouldHaveNoViolationsAsync();

        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#book").WaitForAsync();
        (await page.Locator("#Input_From").InputValueAsync()).ShouldBe(Hm(start));
        (await page.Locator("#Input_To").InputValueAsync()).ShouldBe(Hm(start.AddHours(2)));
        await page.ShouldHaveNoViolationsAsync();
        await page.Locator("#book button[type=submit]").First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/me/bookings(#.*)?$"));
        var booked = new MyBookingsPage(page).Coming("Salle Arche").Filter(new() { HasText = $"{Hm(start)}–{Hm(start.AddHours(2))}" });
        (await booked.CountAsync()).ShouldBe(1);

        // Tab from a row's cell goes to the next row's single stop.
        await new TimelinePage(page).OpenAsync(DemoAccounts.ParisSlug, day);
        await rows.Nth(0).Locator("td[tabindex='0']").FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        (await page.EvaluateAsync<int>("[...document.querySelectorAll('table.day-grid tbody tr')].indexOf(document.activeElement.closest('tr'))")).ShouldBe(1);
    }

    [Fact]
    public async Task The_demo_member_drags_along_a_row_and_the_form_opens_on_that_range()
    {
        var page = await app.NewPageAsync("en-GB");
        await new SignInPage(page).SignInAsync(DemoAccounts.Member, DemoAccounts.Password);
        var day = DemoCalendar.OpenWeekday(app.Services, 9);
        await new TimelinePage(page).OpenAsync(DemoAccounts.ParisSlug, day);
        var row = page.Locator("table.day-grid tbody tr").Filter(new() { Has = page.Locator("th", new() { HasText = "Salle Coupole" }) });
        var from = row.Locator("td.free").Nth(4);
        var to = row.Locator("td.free").Nth(6);
        var a = (await from.BoundingBoxAsync())!;
        var b = (await to.BoundingBoxAsync())!;

        await page.Mouse.MoveAsync(a.X + (a.Width / 2), a.Y + (a.Height / 2));
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(b.X + (b.Width / 2), b.Y + (b.Height / 2), new() { Steps = 6 });
        await page.Mouse.UpAsync();

        await page.Locator("#book").WaitForAsync();
        (await page.Locator("#Input_From").InputValueAsync()).ShouldBe(await from.GetAttributeAsync("data-time"));
        (await page.Locator("#Input_To").InputValueAsync()).ShouldBe(await to.GetAttributeAsync("data-end"));
        page.Url.ShouldContain("&to=");
    }

    [Fact]
    public async Task The_paris_manager_sees_who_asked_and_approves_the_request_from_the_grid_in_light_and_dark()
    {
        var day = DemoCalendar.OpenWeekday(app.Services, 11);
        var request = await RequestAsync(day);
        var page = await app.NewPageAsync("fr-FR");
        await new SignInPage(page).SignInAsync(DemoAccounts.ParisManager, DemoAccounts.Password);
        await new TimelinePage(page).OpenAsync(DemoAccounts.ParisSlug, day);
        var block = page.Locator("table.day-grid td.pending").Filter(new() { HasText = "Léa Fontaine" });
        await page.ShouldHaveNoViolationsAsync();
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await page.ShouldHaveNoViolationsAsync();

        await block.Locator("a").ClickAsync();
        await page.Locator("#selected").WaitForAsync();
        (await page.Locator("#selected").InnerTextAsync()).ShouldContain("En attente d'approbation");
        await page.ShouldHaveNoViolationsAsync();
        await page.Locator("#selected button[name=approve][value=true]").ClickAsync();

        await page.Locator("main .notice.success").WaitForAsync();
        (await page.Locator("main .notice.success").InnerTextAsync()).ShouldContain("approuvée");
        (await page.Locator($"table.day-grid td.busy a[href*='{request}']").CountAsync()).ShouldBe(1);
        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Light });
    }

    /// A request of the demo member for Salle Arche, 14:00–16:00 on the day, as the front desk would have entered it.
    private async Task<Guid> RequestAsync(DateOnly day)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var room = await db.Resources.Where(r => r.Name == "Salle Arche").Select(r => new { r.Id, r.Kind, r.LocationId }).SingleAsync();
        var member = await db.Members.Where(m => m.Email == DemoAccounts.Member).Select(m => new { m.Id, m.UserId }).SingleAsync();
        var slot = new TimeSlot(
            TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(14, 0)), Paris),
            TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(16, 0)), Paris));
        var booking = new Booking(room.Id, room.Kind, room.LocationId, slot, slot, member.UserId!.Value, member.Id, "Atelier", pending: true, now);
        db.Bookings.Add(booking);
        await db.SaveChangesAsync();
        return booking.Id;
    }
}
