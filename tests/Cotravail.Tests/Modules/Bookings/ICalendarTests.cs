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

    [Fact]
    public void An_emoji_where_a_line_folds_stays_whole_and_every_line_is_valid_utf8_of_at_most_75_octets()
    {
        // "SUMMARY:" and 63 letters are 71 octets: the emoji (4 octets, 2 UTF-16 units) ends the first line.
        var summary = new string('a', 63) + "😀" + string.Concat(Enumerable.Repeat("😀é€", 30));

        var text = ICalendar.Write("x", [new CalendarEvent(Guid.Empty, Stamp, Stamp.AddHours(1), summary, null, null, false, Stamp)]);

        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        foreach (var line in text.Split("\r\n"))
        {
            strict.GetByteCount(line).ShouldBeLessThanOrEqualTo(75, line); // throws on half an emoji
        }
        text.ShouldContain("\r\nSUMMARY:" + new string('a', 63) + "😀\r\n 😀é€");
        text.Replace("\r\n ", "", StringComparison.Ordinal).ShouldContain("\r\nSUMMARY:" + summary + "\r\n");
    }

    [Fact]
    public void Commas_semicolons_backslashes_and_line_breaks_are_escaped_in_every_text()
    {
        var text = ICalendar.Write("Salle A, étage 2; \\ nord",
            [new CalendarEvent(Guid.Empty, Stamp, Stamp.AddHours(1), "a,b;c\\d\ne\r\nf\rg", "Salle A, 1 rue X; 33000", "ligne 1\r\nligne 2", false, Stamp)]);

        var lines = text.Split("\r\n");
        lines.ShouldContain(@"X-WR-CALNAME:Salle A\, étage 2\; \\ nord");
        lines.ShouldContain(@"SUMMARY:a\,b\;c\\d\ne\nf\ng");
        lines.ShouldContain(@"LOCATION:Salle A\, 1 rue X\; 33000");
        lines.ShouldContain(@"DESCRIPTION:ligne 1\nligne 2");
    }

    [Fact]
    public void Instants_are_written_in_utc_to_the_second_whatever_their_kind()
    {
        var start = new DateTime(2026, 3, 29, 0, 30, 15, 999, DateTimeKind.Unspecified);
        var stamp = new DateTime(2026, 3, 1, 12, 0, 0, 250, DateTimeKind.Utc);

        var text = ICalendar.Write("x", [new CalendarEvent(Guid.Empty, start, start.AddHours(25), "s", null, null, false, stamp)]);

        var lines = text.Split("\r\n");
        lines.ShouldContain("DTSTART:20260329T003015Z");
        lines.ShouldContain("DTEND:20260330T013015Z");
        lines.ShouldContain("DTSTAMP:20260301T120000Z");
        lines.ShouldNotContain(l => l.StartsWith("BEGIN:VTIMEZONE", StringComparison.Ordinal) || l.Contains("TZID", StringComparison.Ordinal));
    }

    [Fact]
    public void A_feed_event_has_its_uid_and_status_and_neither_sequence_nor_people()
    {
        var id = Guid.Parse("0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");

        var text = ICalendar.Write("Cotravail", [new CalendarEvent(id, Stamp, Stamp.AddHours(1), "s", null, null, false, Stamp)]);

        var lines = text.Split("\r\n");
        lines[0].ShouldBe("BEGIN:VCALENDAR");
        lines.ShouldContain("VERSION:2.0");
        lines.ShouldContain("PRODID:-//Cotravail//Bookings//EN");
        lines.ShouldContain("CALSCALE:GREGORIAN");
        lines.ShouldContain("METHOD:PUBLISH");
        lines.ShouldContain("X-WR-CALNAME:Cotravail");
        lines.ShouldContain("UID:0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b@cotravail");
        lines.ShouldContain("STATUS:CONFIRMED");
        lines.ShouldNotContain(l => l.StartsWith("SEQUENCE", StringComparison.Ordinal) || l.StartsWith("ORGANIZER", StringComparison.Ordinal)
            || l.StartsWith("ATTENDEE", StringComparison.Ordinal) || l.StartsWith("LOCATION", StringComparison.Ordinal) || l.StartsWith("DESCRIPTION", StringComparison.Ordinal));
        text.ShouldEndWith("END:VEVENT\r\nEND:VCALENDAR\r\n");
    }

    [Fact]
    public void A_cancellation_carries_its_method_status_sequence_organizer_and_attendees()
    {
        var people = new List<CalendarPerson> { new("camille@example.org", "Camille \"Cam\"\nDurand"), new("guest@example.net", null) };

        var text = ICalendar.Write("Salle Tilleul",
            [new CalendarEvent(Guid.Empty, Stamp, Stamp.AddHours(1), "s", null, null, true, Stamp, 3, new("bonjour@laruche.example", "La Ruche, Bordeaux"), people)], "CANCEL");

        var lines = text.Replace("\r\n ", "", StringComparison.Ordinal).Split("\r\n");
        lines.ShouldContain("METHOD:CANCEL");
        lines.ShouldContain("STATUS:CANCELLED");
        lines.ShouldContain("SEQUENCE:3");
        lines.ShouldContain("ORGANIZER;CN=\"La Ruche, Bordeaux\":mailto:bonjour@laruche.example");
        lines.ShouldContain("ATTENDEE;CN=Camille CamDurand;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:camille@example.org");
        lines.ShouldContain("ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:guest@example.net");
    }

    [Fact]
    public void An_address_that_System_Uri_refuses_is_percent_encoded_and_a_sender_with_a_display_name_gives_its_address()
    {
        var text = ICalendar.Write("x",
            [new CalendarEvent(Guid.Empty, Stamp, Stamp.AddHours(1), "s", null, null, false, Stamp, 0, new("Cotravail <noreply@example.org>", null), [new("c&d#e@example.org", null)])], "REQUEST");

        var lines = text.Replace("\r\n ", "", StringComparison.Ordinal).Split("\r\n");
        lines.ShouldContain("ORGANIZER:mailto:noreply@example.org");
        lines.ShouldContain("ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:c%26d%23e@example.org");
        lines.ShouldContain("SEQUENCE:0");
    }
}
