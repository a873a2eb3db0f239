using System.Globalization;
using System.Text;

namespace Cotravail.Modules.Bookings;

/// One event of a calendar feed; times are UTC instants (written with Z), which calendar apps show in
/// their own zone, so a 09:00 booking stays 09:00 local across daylight-saving changes.
internal sealed record CalendarEvent(Guid Id, DateTime Start, DateTime End, string Summary, string? Location, string? Description, bool Cancelled, DateTime Stamp);

/// A small RFC 5545 writer: CRLF lines folded at 75 octets, text escaped, events in UTC.
internal static class ICalendar
{
    public static string Write(string name, IEnumerable<CalendarEvent> events)
    {
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Cotravail//Bookings//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:" + Escape(name),
        };
        foreach (var e in events)
        {
            lines.Add("BEGIN:VEVENT");
            lines.Add($"UID:{e.Id}@cotravail");
            lines.Add("DTSTAMP:" + Utc(e.Stamp));
            lines.Add("DTSTART:" + Utc(e.Start));
            lines.Add("DTEND:" + Utc(e.End));
            lines.Add("SUMMARY:" + Escape(e.Summary));
            if (e.Location is { Length: > 0 } location)
            {
                lines.Add("LOCATION:" + Escape(location));
            }
            if (e.Description is { Length: > 0 } description)
            {
                lines.Add("DESCRIPTION:" + Escape(description));
            }
            lines.Add("STATUS:" + (e.Cancelled ? "CANCELLED" : "CONFIRMED"));
            lines.Add("END:VEVENT");
        }
        lines.Add("END:VCALENDAR");
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            Fold(line, text);
        }
        return text.ToString();
    }

    public static string Escape(string text) => text
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal)
        .Replace("\r", "\\n", StringComparison.Ordinal);

    private static string Utc(DateTime instant) =>
        DateTime.SpecifyKind(instant, DateTimeKind.Utc).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// Lines longer than 75 octets continue on the next line after a space, never inside a UTF-8 character.
    private static void Fold(string line, StringBuilder output)
    {
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > 75)
            {
                output.Append("\r\n ");
                octets = 1;
            }
            output.Append(rune.ToString());
            octets += size;
        }
        output.Append("\r\n");
    }
}
