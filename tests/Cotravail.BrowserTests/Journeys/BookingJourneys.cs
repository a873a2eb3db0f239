using Cotravail.BrowserTests.Infrastructure;
using Cotravail.BrowserTests.Pages;
using Cotravail.Common;
using Cotravail.Common.Database;
using Cotravail.Modules.Bookings;
using Cotravail.Modules.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Cotravail.Modules.Resources;

namespace Cotravail.BrowserTests.Journeys;

[Collection(BrowserCollection.Name)]
public sealed class BookingJourneys(BrowserApp app)
{
    [Fact]
    public async Task The_demo_member_books_a_room_from_the_timeline_sees_it_in_my_bookings_and_calendar_and_cancels_it()
    {
        var page = await app.NewPageAsync("fr-FR");
        await new SignInPage(page).SignInAsync(DemoAccounts.Member, DemoAccounts.Password);
        var day = DemoCalendar.OpenWeekday(app.Services, 4); // Paris La Défense opens 08:00–20:00 on weekdays

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

        var feed = await new MyCalendarPage(page).NewAddressAsync();
        await page.ShouldHaveNoViolationsAsync();
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var utcStart = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture)), paris);
        var ics = await MyCalendarPage.ReadAsync(page, feed);
        ics.ShouldContain("BEGIN:VCALENDAR");
        var booked = ics.Split("BEGIN:VEVENT").Single(e => e.Contains($"DTSTART:{utcStart:yyyyMMdd'T'HHmmss'Z'}", StringComparison.Ordinal) && e.Contains("Salle Arche", StringComparison.Ordinal));
        booked.ShouldContain("STATUS:CONFIRMED");

        await mine.OpenAsync();
        await mine.CancelAsync(mine.Coming("Salle Arche").Filter(new() { HasText = $"{start}–{end}" }));
        (await mine.NoticeAsync()).ShouldContain("annulée");
        (await mine.Coming("Salle Arche").Filter(new() { HasText = $"{start}–{end}" }).InnerTextAsync()).ShouldContain("Annulée");
        (await MyCalendarPage.ReadAsync(page, feed)).Split("BEGIN:VEVENT")
            .Single(e => e.Contains($"DTSTART:{utcStart:yyyyMMdd'T'HHmmss'Z'}", StringComparison.Ordinal) && e.Contains("Salle Arche", StringComparison.Ordinal))
            .ShouldContain("STATUS:CANCELLED");
        await timeline.OpenAsync(DemoAccounts.ParisSlug, day);
        (await timeline.CellClassAsync("Salle Arche", start)).ShouldBe("free");

        await page.GotoAsync($"/book?date={day:yyyy-MM-dd}&from=10:00&to=11:00&kind=MeetingRoom&people=6");
        (await page.Locator("ul.results li").Filter(new() { HasText = "Salle Arche" }).CountAsync()).ShouldBe(1);
        await page.ShouldHaveNoViolationsAsync();
    }

    [Fact]
    public async Task The_demo_member_previews_a_weekly_series_with_one_taken_week_and_books_the_free_ones()
    {
        var first = DemoCalendar.OpenWeekday(app.Services, 15, weeks: 3);
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        // Someone else has the studio in the second week.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            var studio = await db.Resources.Where(r => r.Name == "Studio Visio Défense").Select(r => new { r.Id, r.Kind, r.LocationId }).SingleAsync();
            var manager = await db.Users.Where(u => u.Email == DemoAccounts.ParisManager).Select(u => u.Id).SingleAsync();
            var start = TimeZoneInfo.ConvertTimeToUtc(first.AddDays(7).ToDateTime(new TimeOnly(16, 0)), paris);
            var slot = new TimeSlot(start, start.AddHours(1));
            db.Bookings.Add(new Booking(studio.Id, studio.Kind, studio.LocationId, slot, slot, manager, null, "Comité", false,
                scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync();
        }
        var page = await app.NewPageAsync("fr-FR");
        await new SignInPage(page).SignInAsync(DemoAccounts.Member, DemoAccounts.Password);

        var series = new SeriesPage(page);
        await series.OpenAsync();
        await page.ShouldHaveNoViolationsAsync();
        var occurrences = await series.PreviewAsync("Studio Visio Défense", first, "16:00", "17:00", "Weekly", 3);
        (await occurrences.CountAsync()).ShouldBe(3);
        var conflict = page.Locator("#occurrences tbody tr.conflict");
        (await conflict.CountAsync()).ShouldBe(1, await page.Locator("#occurrences tbody").InnerTextAsync());
        (await conflict.InnerTextAsync()).ShouldContain("déjà pris");
        await page.ShouldHaveNoViolationsAsync();
        await series.BookTheFreeOnesAsync();

        var mine = new MyBookingsPage(page);
        (await mine.NoticeAsync()).ShouldContain("2 occurrences");
        var booked = mine.Coming("Studio Visio Défense").Filter(new() { HasText = "16:00–17:00" });
        (await booked.CountAsync()).ShouldBe(2);
        (await booked.Locator(".badge.series").CountAsync()).ShouldBe(2);
        await page.ShouldHaveNoViolationsAsync();
    }

    [Fact]
    public async Task The_demo_member_changes_the_time_of_a_booking_from_my_bookings()
    {
        var page = await app.NewPageAsync("fr-FR");
        await new SignInPage(page).SignInAsync(DemoAccounts.Member, DemoAccounts.Password);
        var day = DemoCalendar.OpenWeekday(app.Services, 6);
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
}
