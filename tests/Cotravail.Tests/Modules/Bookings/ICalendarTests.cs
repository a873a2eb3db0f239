using System.Text;
using Cotravail.Modules.Bookings;

namespace Cotravail.Tests.Modules.Bookings;

public sealed class ICalendarTests
{
    private static readonly DateTime Stamp = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Text_is_escaped_and_long_lines_are_folded_at_75_octets_without_splitting_a_character()
    {
        var summary = "Réunion; budget, « équipe » \\ suite\n" + new string('é', 80);
        var text = ICalendar.Write("Mes réservations", [new CalendarEvent(Guid.Empty, Stamp, Stamp.AddHours(1), summary, null, null, false, Stamp)]);

        text.ShouldContain(@"SUMMARY:Réunion\; budget\, « équipe » \\ suite\n");
        foreach (var line in text.Split("\r\n"))
        {
            Encoding.UTF8.GetByteCount(line).ShouldBeLessThanOrEqualTo(75, line);
        }
        text.Replace("\r\n ", "", StringComparison.Ordinal).ShouldContain(new string('é', 80));
        text.ShouldEndWith("END:VCALENDAR\r\n");
    }

    [Fact]
    public void A_weekly_nine_oclock_series_is_written_at_the_right_instants_across_the_clock_change()
    {
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var starts = new Recurrence(Frequency.Weekly, 1, null, 2).Occurrences(new DateTime(2026, 10, 19, 9, 0, 0))
            .Select(local => WallClock.ToUtc(local, paris, null, "start").Value).ToList();

        var text = ICalendar.Write("x", starts.Select((s, i) => new CalendarEvent(Guid.NewGuid(), s, s.AddHours(1), $"Week {i}", null, null, false, Stamp)));

        text.ShouldContain("DTSTART:20261019T070000Z"); // 09:00 in summer time (UTC+2)
        text.ShouldContain("DTSTART:20261026T080000Z"); // 09:00 in winter time (UTC+1)
    }
}
