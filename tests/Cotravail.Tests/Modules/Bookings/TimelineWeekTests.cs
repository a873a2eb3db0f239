using System.Globalization;
using Cotravail.Modules.Bookings;
using Cotravail.Modules.Locations;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Modules.Bookings;

public abstract class TimelineWeekTests(TestApp app)
{
    private static DateTime Utc(DateOnly day, int hour) => day.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Utc);

    private static string D(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_week_view_reads_half_days_in_local_time_across_the_clock_change_and_shows_closed_days()
    {
        // The week before the clocks go forward: Paris moves from UTC+1 to UTC+2 on its Sunday at 02:00.
        var sunday = ClockChanges.Spring(app.Clock);
        var (monday, wednesday, saturday) = (sunday.AddDays(-6), sunday.AddDays(-4), sunday.AddDays(-1));
        var world = await BookingWorld.CreateAsync(app, opens: "08:00");
        var booker = await world.NewMemberAsync();
        await world.InsertAsync(booker, world.Room, Utc(saturday, 7), TimeSpan.FromHours(5)); // Sat 08:00–13:00 (UTC+1)
        await world.InsertAsync(booker, world.Room, Utc(sunday, 6), TimeSpan.FromHours(5)); // Sun 08:00–13:00 (UTC+2)
        await world.InsertAsync(booker, world.Room, Utc(sunday, 11), TimeSpan.FromHours(2)); // Sun 13:00–15:00 (UTC+2)
        var slug = await app.WithDbAsync(async db =>
        {
            var location = await db.Locations.FirstAsync(l => l.Id == world.Location);
            location.SetClosedDays([new ClosedDay(wednesday, "Inventaire")]);
            await db.SaveChangesAsync();
            return location.Slug;
        });
        var (browser, _) = await world.MemberBrowserAsync();

        var (html, doc) = await TestApp.GetHtmlAsync(browser, $"/locations/{slug}/timeline?view=week&date={D(monday.AddDays(3))}");

        string State(DateOnly date, string half) =>
            doc.QuerySelector($"tr[data-resource='{world.Room}'] td[data-date='{D(date)}'][data-half='{half}']")!.GetAttribute("data-state")!;
        State(saturday, "am").ShouldBe("busy");
        State(saturday, "pm").ShouldBe("free");
        State(sunday, "am").ShouldBe("busy"); // read with the summer offset: exactly the morning
        State(sunday, "pm").ShouldBe("partly");
        State(wednesday, "am").ShouldBe("closed");
        State(wednesday, "pm").ShouldBe("closed");
        State(monday, "am").ShouldBe("free");
        doc.QuerySelector($"thead th[data-date='{D(wednesday)}']")!.ClassName.ShouldBe("closed-day");
        doc.QuerySelectorAll("thead th[data-date]").Select(th => th.GetAttribute("data-date")).ShouldBe(Enumerable.Range(0, 7).Select(d => D(monday.AddDays(d))));
        doc.QuerySelector($"tr[data-resource='{world.Room}'] td[data-date='{D(sunday)}'][data-half='pm'] a")!.GetAttribute("href")
            .ShouldBe($"/locations/{slug}/timeline?date={D(sunday)}&resource={world.Room}&from=15:00#book");
        doc.QuerySelector($"tr[data-resource='{world.Room}'] td[data-date='{D(monday)}'][data-half='am'] a")!.GetAttribute("href")
            .ShouldBe($"/locations/{slug}/timeline?date={D(monday)}&resource={world.Room}&from=08:00#book");
        doc.QuerySelector("a[rel=prev]")!.GetAttribute("href").ShouldBe($"/locations/{slug}/timeline?view=week&date={D(monday.AddDays(-7))}");
        doc.QuerySelector("a[rel=next]")!.GetAttribute("href").ShouldBe($"/locations/{slug}/timeline?view=week&date={D(monday.AddDays(7))}");
        html.ShouldNotContain("Inserted"); // no booking titles, no names
    }

    [Fact]
    public async Task The_day_view_of_a_free_half_day_opens_the_booking_form_and_links_back_to_its_week()
    {
        var sunday = ClockChanges.Spring(app.Clock);
        var world = await BookingWorld.CreateAsync(app, opens: "08:00");
        var slug = await app.WithDbAsync(db => db.Locations.Where(l => l.Id == world.Location).Select(l => l.Slug).FirstAsync());
        var (browser, _) = await world.MemberBrowserAsync();

        var (_, day) = await TestApp.GetHtmlAsync(browser, $"/locations/{slug}/timeline?date={D(sunday)}&resource={world.Room}&from=15:00");

        day.QuerySelector("#book #Input_From")!.GetAttribute("value").ShouldBe("15:00");
        day.QuerySelector("a[href*='view=week']")!.GetAttribute("href").ShouldBe($"/locations/{slug}/timeline?view=week&date={D(sunday.AddDays(-6))}");
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
