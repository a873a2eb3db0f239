using Cotravail.BrowserTests.Infrastructure;
using Cotravail.BrowserTests.Pages;
using Cotravail.Common;
using Cotravail.Common.Database;
using Cotravail.Modules.Bookings;
using Cotravail.Modules.Demo;
using Cotravail.Modules.Members;
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
        (await timeline.CellClassAsync("Salle Arche", start)).ShouldBe("yours");

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
        await mine.OpenAsync();
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
    public async Task The_demo_member_opens_a_late_booking_downloads_its_ics_sees_the_fee_and_cancels_after_confirming()
    {
        // A 66 € room 20 hours ahead (free cancellation ends 24 hours before): cancelling now costs half, 33 € excl. VAT.
        var (late, other, utcStart) = await LateBookingsAsync();
        var page = await app.NewPageAsync("fr-FR");
        await new SignInPage(page).SignInAsync(DemoAccounts.Member, DemoAccounts.Password);
        var mine = new MyBookingsPage(page);
        await mine.OpenAsync();

        var booking = await mine.OpenBookingAsync(late);
        await page.ShouldHaveNoViolationsAsync();
        (await booking.FeeNowAsync()).ShouldContain("33,00");
        (await booking.FeeNowAsync()).ShouldContain("39,60"); // incl. 20 % VAT
        var ics = Ical.Net.Calendar.Load(await booking.DownloadIcsAsync())!;
        var only = ics.Events.ShouldHaveSingleItem();
        only.Uid.ShouldBe($"{late}@cotravail");
        only.Summary.ShouldBe("Salle Arche");
        only.DtStart!.AsUtc.ShouldBe(utcStart);
        only.DtEnd!.AsUtc.ShouldBe(utcStart.AddHours(2));

        var confirm = await booking.CancelAsync();
        await page.ShouldHaveNoViolationsAsync();
        (await confirm.FeeNowAsync()).ShouldContain("33,00");
        await confirm.ConfirmAsync();
        (await booking.NoticeAsync()).ShouldContain("33,00");
        (await booking.StatusAsync()).ShouldBe("Annulée");
        await page.ShouldHaveNoViolationsAsync();
        await page.ReloadAsync(); // a refresh reads the page again, it never cancels twice
        (await page.Locator("form#confirm-cancel").CountAsync()).ShouldBe(0);

        // The same pages in English.
        await page.GotoAsync($"/me/bookings/{other}?culture=en");
        (await page.Locator("html").GetAttributeAsync("lang")).ShouldStartWith("en");
        (await booking.FeeNowAsync()).ShouldContain("Cancelling now costs");
        await page.ShouldHaveNoViolationsAsync();
        await page.GotoAsync($"/me/bookings/{other}/cancel?culture=en");
        (await new CancelBookingPage(page).FeeNowAsync()).ShouldContain("33.00");
        await page.ShouldHaveNoViolationsAsync();
    }

    /// Two bookings of the demo member for Salle Arche 20 hours ahead (written to the database, as a front desk
    /// would have booked them, whatever the hour the suite runs), priced 66.00 € excl. VAT at 20 %.
    private async Task<(Guid Late, Guid Other, DateTime UtcStart)> LateBookingsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var room = await db.Resources.Where(r => r.Name == "Salle Arche").Select(r => new { r.Id, r.Kind, r.LocationId }).SingleAsync();
        var member = await db.Members.Where(m => m.Email == DemoAccounts.Member).Select(m => new { m.Id, m.UserId }).SingleAsync();
        var start = new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc).AddHours(20);
        var ids = new List<Guid>();
        foreach (var offset in new[] { 0, 3 })
        {
            var slot = new TimeSlot(start.AddHours(offset), start.AddHours(offset + 2));
            var booking = new Booking(room.Id, room.Kind, room.LocationId, slot, slot, member.UserId!.Value, member.Id, "", false, now);
            booking.Price(6600, "EUR", 20_000);
            db.Bookings.Add(booking);
            ids.Add(booking.Id);
        }
        await db.SaveChangesAsync();
        return (ids[0], ids[1], start);
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
        (await timeline.CellClassAsync("Salle Arche", later)).ShouldBe("yours");
    }
}
