using Cotravail.Modules.Bookings;
using Cotravail.Modules.Locations;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Modules.Bookings;

public abstract class TimelineWeekTests(TestApp app)
{
    private static DateTime Utc(int month, int day, int hour) => new(2027, month, day, hour, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task The_week_view_reads_half_days_in_local_time_across_the_clock_change_and_shows_closed_days()
    {
        // The week of Monday 22 March 2027: Paris moves from UTC+1 to UTC+2 on Sunday 28 at 02:00.
        var world = await BookingWorld.CreateAsync(app, opens: "08:00");
        var booker = await world.NewMemberAsync();
        await world.InsertAsync(booker, world.Room, Utc(3, 27, 7), TimeSpan.FromHours(5)); // Sat 08:00–13:00 (UTC+1)
        await world.InsertAsync(booker, world.Room, Utc(3, 28, 6), TimeSpan.FromHours(5)); // Sun 08:00–13:00 (UTC+2)
        await world.InsertAsync(booker, world.Room, Utc(3, 28, 11), TimeSpan.FromHours(2)); // Sun 13:00–15:00 (UTC+2)
        var slug = await app.WithDbAsync(async db =>
        {
            var location = await db.Locations.FirstAsync(l => l.Id == world.Location);
            location.SetClosedDays([new ClosedDay(new DateOnly(2027, 3, 24), "Inventaire")]);
            await db.SaveChangesAsync();
            return location.Slug;
        });
        var (browser, _) = await world.MemberBrowserAsync();

        var (html, doc) = await TestApp.GetHtmlAsync(browser, $"/locations/{slug}/timeline?view=week&date=2027-03-25");

        string State(string date, string half) =>
            doc.QuerySelector($"tr[data-resource='{world.Room}'] td[data-date='{date}'][data-half='{half}']")!.GetAttribute("data-state")!;
        State("2027-03-27", "am").ShouldBe("busy");
        State("2027-03-27", "pm").ShouldBe("free");
        State("2027-03-28", "am").ShouldBe("busy"); // read with the summer offset: exactly the morning
        State("2027-03-28", "pm").ShouldBe("partly");
        State("2027-03-24", "am").ShouldBe("closed");
        State("2027-03-24", "pm").ShouldBe("closed");
        State("2027-03-22", "am").ShouldBe("free");
        doc.QuerySelector("thead th[data-date='2027-03-24']")!.ClassName.ShouldBe("closed-day");
        doc.QuerySelectorAll("thead th[data-date]").Select(th => th.GetAttribute("data-date")).ShouldBe(
            ["2027-03-22", "2027-03-23", "2027-03-24", "2027-03-25", "2027-03-26", "2027-03-27", "2027-03-28"]);
        doc.QuerySelector($"tr[data-resource='{world.Room}'] td[data-date='2027-03-28'][data-half='pm'] a")!.GetAttribute("href")
            .ShouldBe($"/locations/{slug}/timeline?date=2027-03-28&resource={world.Room}&from=15:00#book");
        doc.QuerySelector($"tr[data-resource='{world.Room}'] td[data-date='2027-03-22'][data-half='am'] a")!.GetAttribute("href")
            .ShouldBe($"/locations/{slug}/timeline?date=2027-03-22&resource={world.Room}&from=08:00#book");
        doc.QuerySelector("a[rel=prev]")!.GetAttribute("href").ShouldBe($"/locations/{slug}/timeline?view=week&date=2027-03-15");
        doc.QuerySelector("a[rel=next]")!.GetAttribute("href").ShouldBe($"/locations/{slug}/timeline?view=week&date=2027-03-29");
        html.ShouldNotContain("Inserted"); // no booking titles, no names
    }

    [Fact]
    public async Task The_day_view_of_a_free_half_day_opens_the_booking_form_and_links_back_to_its_week()
    {
        var world = await BookingWorld.CreateAsync(app, opens: "08:00");
        var slug = await app.WithDbAsync(db => db.Locations.Where(l => l.Id == world.Location).Select(l => l.Slug).FirstAsync());
        var (browser, _) = await world.MemberBrowserAsync();

        var (_, day) = await TestApp.GetHtmlAsync(browser, $"/locations/{slug}/timeline?date=2027-03-28&resource={world.Room}&from=15:00");

        day.QuerySelector("#book #Input_From")!.GetAttribute("value").ShouldBe("15:00");
        day.QuerySelector("a[href*='view=week']")!.GetAttribute("href").ShouldBe($"/locations/{slug}/timeline?view=week&date=2027-03-22");
    }

    [Fact]
    public void A_half_day_is_free_partly_busy_or_closed_from_its_half_hours()
    {
        static (TimeOnly, CellState) Cell(int hour, CellState state) => (new TimeOnly(hour, 0), state);

        LocationWeek.Summarise([Cell(8, CellState.Free), Cell(9, CellState.Free)]).ShouldBe(new LocationWeek.HalfDay(HalfDayState.Free, new TimeOnly(8, 0)));
        LocationWeek.Summarise([Cell(8, CellState.Past), Cell(9, CellState.Busy), Cell(10, CellState.Free)]).ShouldBe(new LocationWeek.HalfDay(HalfDayState.Partly, new TimeOnly(10, 0)));
        LocationWeek.Summarise([Cell(8, CellState.Busy), Cell(9, CellState.Assigned)]).State.ShouldBe(HalfDayState.Busy);
        LocationWeek.Summarise([Cell(8, CellState.Assigned), Cell(9, CellState.Assigned)]).State.ShouldBe(HalfDayState.Assigned);
        LocationWeek.Summarise([Cell(8, CellState.Past), Cell(9, CellState.Closed)]).State.ShouldBe(HalfDayState.Past);
        LocationWeek.Summarise([Cell(8, CellState.Closed)]).ShouldBe(new LocationWeek.HalfDay(HalfDayState.Closed, null));
        LocationWeek.Summarise([]).State.ShouldBe(HalfDayState.Closed);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class TimelineWeekTests_Sqlite(SqliteTestApp app) : TimelineWeekTests(app);

[Collection(PostgresCollection.Name)]
public sealed class TimelineWeekTests_Postgres(PostgresTestApp app) : TimelineWeekTests(app);
