using System.Globalization;
using System.Text;

namespace Cotravail.Modules.Bookings;

/// One event of a calendar feed; times are UTC instants (written with Z), which calendar apps show in
/// their own zone, so a 09:00 booking stays 09:00 local across daylight-saving changes.
/// Invitations add a SEQUENCE (higher on each change), an ORGANIZER and ATTENDEEs.
internal sealed record CalendarEvent(Guid Id, DateTime Start, DateTime End, string Summary, string? Location, string? Description, bool Cancelled, DateTime Stamp,
    int? Sequence = null, CalendarPerson? Organizer = null, IReadOnlyList<CalendarPerson>? Attendees = null);

/// Someone in an invitation: a mailto address and an optional display name.
internal sealed record CalendarPerson(string Email, string? Name);

/// A small RFC 5545 writer: CRLF lines folded at 75 octets, text escaped, events in UTC.
internal static class ICalendar
{
    /// METHOD: PUBLISH for a feed; REQUEST for an invitation or its update, CANCEL for its cancellation (RFC 5546).
    public static string Write(string name, IEnumerable<CalendarEvent> events, string method = "PUBLISH")
    {
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Cotravail//Bookings//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:" + method,
            "X-WR-CALNAME:" + Escape(name),
        };
        foreach (var e in events)
        {
            lines.Add("BEGIN:VEVENT");
            lines.Add($"UID:{e.Id}@cotravail");
            lines.Add("DTSTAMP:" + Utc(e.Stamp));
            lines.Add("DTSTART:" + Utc(e.Start));
            lines.Add("DTEND:" + Utc(e.End));
            if (e.Sequence is { } sequence)
            {
                lines.Add("SEQUENCE:" + sequence.ToString(CultureInfo.InvariantCulture));
            }
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
            if (e.Organizer is { } organizer)
            {
                lines.Add("ORGANIZER" + Name(organizer) + ":mailto:" + organizer.Email);
            }
            foreach (var attendee in e.Attendees ?? [])
            {
                lines.Add("ATTENDEE" + Name(attendee) + ";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:" + attendee.Email);
            }
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

    /// ";CN=..." quoted; a parameter value cannot hold a double quote or a line break, so they are dropped.
    private static string Name(CalendarPerson person) =>
        person.Name is { Length: > 0 } name
            ? ";CN=\"" + new string([.. name.Where(c => c != '"' && !char.IsControl(c))]) + "\""
            : "";

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
