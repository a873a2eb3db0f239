using System.Net.Mail;
using System.Text;
using Ical.Net;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using IcalEvent = Ical.Net.CalendarComponents.CalendarEvent;

namespace Cotravail.Modules.Bookings;

/// One event of a calendar feed; times are UTC instants (written with Z), which calendar apps show in
/// their own zone, so a 09:00 booking stays 09:00 local across daylight-saving changes.
/// Invitations add a SEQUENCE (higher on each change), an ORGANIZER and ATTENDEEs.
internal sealed record CalendarEvent(Guid Id, DateTime Start, DateTime End, string Summary, string? Location, string? Description, bool Cancelled, DateTime Stamp,
    int? Sequence = null, CalendarPerson? Organizer = null, IReadOnlyList<CalendarPerson>? Attendees = null);

/// Someone in an invitation: a mailto address and an optional display name.
internal sealed record CalendarPerson(string Email, string? Name);

/// Bookings as RFC 5545 text through Ical.Net, which escapes, folds and ends lines with CRLF (ADR 15);
/// the mapping is ours: UID {id}@cotravail, instants in UTC, STATUS always, SEQUENCE only on invitations.
internal static class ICalendar
{
    /// METHOD: PUBLISH for a feed; REQUEST for an invitation or its update, CANCEL for its cancellation (RFC 5546).
    public static string Write(string name, IEnumerable<CalendarEvent> events, string method = "PUBLISH")
    {
        var calendar = new Calendar { ProductId = "-//Cotravail//Bookings//EN", Scale = "GREGORIAN", Method = method };
        calendar.AddProperty("X-WR-CALNAME", name);
        foreach (var e in events)
        {
            calendar.Events.Add(ToEvent(e));
        }
        return Mend(new CalendarSerializer().SerializeToString(calendar)!);
    }

    private static IcalEvent ToEvent(CalendarEvent e)
    {
        var item = new IcalEvent
        {
            Uid = $"{e.Id}@cotravail",
            DtStamp = Utc(e.Stamp),
            DtStart = Utc(e.Start),
            DtEnd = Utc(e.End),
            Summary = e.Summary,
            Status = e.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
        };
        if (e.Sequence is { } sequence)
        {
            item.Sequence = sequence;
        }
        else
        {
            item.Properties.Remove("SEQUENCE"); // Ical.Net writes SEQUENCE:0 by default; a feed never had one
        }
        if (e.Location is { Length: > 0 } location)
        {
            item.Location = location;
        }
        if (e.Description is { Length: > 0 } description)
        {
            item.Description = description;
        }
        if (e.Organizer is { } organizer && Mailto(organizer.Email) is { } organizerUri)
        {
            item.Organizer = new Organizer { Value = organizerUri };
            if (Name(organizer) is { } name)
            {
                item.Organizer.CommonName = name; // a null CommonName would still write an empty CN
            }
        }
        foreach (var attendee in e.Attendees ?? [])
        {
            if (Mailto(attendee.Email) is { } uri)
            {
                item.Attendees.Add(new Attendee(uri)
                {
                    CommonName = Name(attendee),
                    Role = ParticipationRole.RequiredParticipant,
                    ParticipationStatus = EventParticipationStatus.NeedsAction,
                    Rsvp = true,
                });
            }
        }
        return item;
    }

    private static CalDateTime Utc(DateTime instant) => new(DateTime.SpecifyKind(instant, DateTimeKind.Utc), CalDateTime.UtcTzId);

    /// The address as stored (what calendar apps compare). System.Uri refuses a few valid ones (an ampersand
    /// before a hash sign) and the SMTP sender may carry a display name: then the address alone, its local part
    /// percent-encoded (RFC 6068); one that is no address at all leaves the person out rather than fail the booking.
    private static Uri? Mailto(string email) =>
        Uri.TryCreate("mailto:" + email, UriKind.Absolute, out var uri)
        || (MailAddress.TryCreate(email, out var address) && Uri.TryCreate($"mailto:{Uri.EscapeDataString(address.User)}@{address.Host}", UriKind.Absolute, out uri))
            ? uri
            : null;

    /// CN without double quotes or control characters: Ical.Net quotes the value but writes a line break as it is.
    private static string? Name(CalendarPerson person) =>
        person.Name is { } name && new string([.. name.Where(c => c != '"' && !char.IsControl(c))]) is { Length: > 0 } clean ? clean : null;

    /// Ical.Net 5.2.4 folds at 75 octets but measures one UTF-16 unit at a time, so a fold can fall between
    /// the two halves of an emoji, which no longer encode as UTF-8. Then the lines are folded again between
    /// characters (a fold is CRLF and a space; text values hold no line break, Name() strips them from CN).
    private static string Mend(string text)
    {
        for (var fold = text.IndexOf("\r\n ", StringComparison.Ordinal); fold > 0; fold = text.IndexOf("\r\n ", fold + 3, StringComparison.Ordinal))
        {
            if (char.IsHighSurrogate(text[fold - 1]))
            {
                var output = new StringBuilder(text.Length + 64);
                foreach (var line in text.Replace("\r\n ", "", StringComparison.Ordinal).Split("\r\n")[..^1])
                {
                    Fold(line, output);
                }
                return output.ToString();
            }
        }
        return text;
    }

    private static void Fold(string line, StringBuilder output)
    {
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            if (octets + rune.Utf8SequenceLength > 75)
            {
                output.Append("\r\n ");
                octets = 1;
            }
            output.Append(rune.ToString());
            octets += rune.Utf8SequenceLength;
        }
        output.Append("\r\n");
    }
}
