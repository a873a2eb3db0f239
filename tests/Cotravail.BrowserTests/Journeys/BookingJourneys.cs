using Cotravail.BrowserTests.Infrastructure;
using Cotravail.BrowserTests.Pages;
using Cotravail.Modules.Demo;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.BrowserTests.Journeys;

[Collection(BrowserCollection.Name)]
public sealed class BookingJourneys(BrowserApp app)
{
    [Fact]
    public async Task The_demo_member_books_a_room_from_the_timeline_sees_it_in_my_bookings_and_cancels_it()
    {
        var page = await app.NewPageAsync("fr-FR");
        await new SignInPage(page).SignInAsync(DemoAccounts.Member, DemoAccounts.Password);
        var day = NextWeekdayAhead(4); // Paris La Défense opens 08:00–20:00 on weekdays

        var timeline = new TimelinePage(page);
        await timeline.OpenAsync(DemoAccounts.ParisSlug, day);
        await page.ShouldHaveNoViolationsAsync();
        var start = await timeline.ChooseFirstFreeAsync("Salle Arche");
        await page.ShouldHaveNoViolationsAsync();
        var end = TimeOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture).AddHours(1).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        await timeline.BookUntilAsync(end);

        var mine = new MyBookingsPage(page);
        (await mine.NoticeAsync()).ShouldContain("Salle Arche");
        var row = mine.Coming("Salle Arche").Filter(new() { HasText = $"{start}–{end}" });
        (await row.CountAsync()).ShouldBe(1);
        (await row.InnerTextAsync()).ShouldContain("Réservée");
        await page.ShouldHaveNoViolationsAsync();

        await timeline.OpenAsync(DemoAccounts.ParisSlug, day);
        (await timeline.CellClassAsync("Salle Arche", start)).ShouldBe("busy");

        await mine.OpenAsync();
        await mine.CancelAsync(mine.Coming("Salle Arche").Filter(new() { HasText = $"{start}–{end}" }));
        (await mine.NoticeAsync()).ShouldContain("annulée");
        (await mine.Coming("Salle Arche").Filter(new() { HasText = $"{start}–{end}" }).InnerTextAsync()).ShouldContain("Annulée");
        await timeline.OpenAsync(DemoAccounts.ParisSlug, day);
        (await timeline.CellClassAsync("Salle Arche", start)).ShouldBe("free");

        await page.GotoAsync($"/book?date={day:yyyy-MM-dd}&from=10:00&to=11:00&kind=MeetingRoom&people=6");
        (await page.Locator("ul.results li").Filter(new() { HasText = "Salle Arche" }).CountAsync()).ShouldBe(1);
        await page.ShouldHaveNoViolationsAsync();
    }

    [Fact]
    public async Task The_demo_member_changes_the_time_of_a_booking_from_my_bookings()
    {
        var page = await app.NewPageAsync("fr-FR");
        await new SignInPage(page).SignInAsync(DemoAccounts.Member, DemoAccounts.Password);
        var day = NextWeekdayAhead(6);
        var timeline = new TimelinePage(page);
        await timeline.OpenAsync(DemoAccounts.ParisSlug, day);
        var start = TimeOnly.Parse(await timeline.ChooseFirstFreeAsync("Salle Arche"), System.Globalization.CultureInfo.InvariantCulture);
        var end = start.AddHours(1).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        await timeline.BookUntilAsync(end);
        var mine = new MyBookingsPage(page);
        var later = start.AddMinutes(30).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var date = day.ToDateTime(TimeOnly.MinValue).ToString("ddd d MMM yyyy", new System.Globalization.CultureInfo("fr-FR"));

        var change = await mine.ChangeAsync(mine.Coming("Salle Arche").Filter(new() { HasText = $"{date}, {start:HH:mm}–{end}" }));
        (await change.FromAsync()).ShouldBe(start.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await page.ShouldHaveNoViolationsAsync();
        await change.ChangeTimesAsync(later, end);

        (await mine.NoticeAsync()).ShouldContain("Salle Arche");
        (await mine.Coming("Salle Arche").Filter(new() { HasText = $"{date}, {later}–{end}" }).CountAsync()).ShouldBe(1);
        await timeline.OpenAsync(DemoAccounts.ParisSlug, day);
        (await timeline.CellClassAsync("Salle Arche", start.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture))).ShouldBe("free");
        (await timeline.CellClassAsync("Salle Arche", later)).ShouldBe("busy");
    }

    /// A Monday to Friday at least this many days ahead, in Paris.
    private DateOnly NextWeekdayAhead(int days)
    {
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(app.Services.GetRequiredService<TimeProvider>().GetUtcNow(), paris).DateTime).AddDays(days);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }
        return day;
    }
}
