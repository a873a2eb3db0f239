using Cotravail.Common.Database;
using Cotravail.Common.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Members;
using Cotravail.Modules.Network;
using Cotravail.Modules.Resources;

namespace Cotravail.Modules.Bookings;

/// What happened to a booking, for the emails about it.
internal enum BookingEvent
{
    /// Booked and confirmed: the member gets a confirmation, attendees an invitation, both with the .ics.
    Confirmed,

    /// A request waiting for approval: the member is told it was received; attendees wait for the decision.
    Requested,

    Approved,
    Declined,

    /// Cancelled: the member and the attendees get a METHOD:CANCEL .ics.
    Cancelled,

    /// Time or resource changed: everyone gets the updated .ics (a higher SEQUENCE, same UID).
    Changed,

    /// Before the start (BookingSweeper): the member only.
    Reminder,
}

/// Queues the emails about a booking in the caller's unit of work (saved by the caller's SaveChanges,
/// or by SeatWriter with the booking): to its member in their language, and to its attendees —
/// members in their own language, guests in the booker's (the one who typed their address). Calendar
/// attachments carry one VEVENT per booking with UID &lt;booking id&gt;@cotravail, like the feeds.
internal sealed class BookingNotice(AppDb db, Outbox outbox, MailDelivery mail, TimeProvider clock, RulesCache rules)
{
    public async Task SendAsync(Guid bookingId, Func<IStringLocalizer, string, string, DateTime, EmailContent> compose, CancellationToken ct)
    {
        var about = await db.Bookings.Where(b => b.Id == bookingId && b.MemberId != null)
            .Select(b => new
            {
                Member = db.Set<Member>().Where(m => m.Id == b.MemberId).Select(m => new { m.FirstName, m.Email, m.UserId }).First(),
                Resource = db.Set<Resource>().Where(r => r.Id == b.ResourceId).Select(r => r.Name).First(),
                Zone = db.Set<Location>().Where(l => l.Id == b.LocationId).Select(l => l.TimeZone).First(),
                b.Start,
            })
            .FirstOrDefaultAsync(ct);
        if (about is null)
        {
            return;
        }
        var culture = await db.Users.Where(u => u.Id == about.Member.UserId).Select(u => u.PreferredCulture).FirstOrDefaultAsync(ct);
        var localStart = WallClock.ToLocal(about.Start, TimeZoneInfo.FindSystemTimeZoneById(about.Zone));
        outbox.Enqueue(about.Member.Email, culture, l => compose(l, about.Member.FirstName, about.Resource, localStart));
    }

    /// The public helper for "this booking changed" (time or resource): increments the booking's
    /// SEQUENCE on the tracked entity and queues the updated invitation to its member and attendees;
    /// the caller's SaveChanges writes both.
    public Task SendChangedAsync(Booking booking, CancellationToken ct)
    {
        booking.Revise();
        return SendAsync([booking], BookingEvent.Changed, null, ct);
    }

    /// Emails about one booking, or about the occurrences of one series in a single email and a single
    /// .ics. Attendees: given for a booking not saved yet, else read from the database.
    public async Task SendAsync(IReadOnlyList<Booking> bookings, BookingEvent what, IReadOnlyList<BookingAttendee>? attendees, CancellationToken ct)
    {
        if (bookings.Count == 0)
        {
            return;
        }
        var facts = await FactsAsync(bookings, attendees, ct);
        var first = bookings[0];
        var (start, end) = (Local(first.Start, facts), Local(first.End, facts));
        var summary = Summary(first, facts.Resource);
        var starts = bookings.Select(b => Local(b.Start, facts)).ToList();
        var calendar = what switch
        {
            BookingEvent.Confirmed or BookingEvent.Approved or BookingEvent.Changed => Invitation(bookings, facts, "REQUEST"),
            BookingEvent.Cancelled => Invitation(bookings, facts, "CANCEL"),
            _ => null,
        };
        if (facts.Member is { } member)
        {
            outbox.Enqueue(member.Email, member.Culture, l => (what switch
            {
                BookingEvent.Confirmed when bookings.Count > 1 => BookingEmails.SeriesConfirmed(l, member.Name, facts.Resource, facts.Place, starts),
                BookingEvent.Confirmed => BookingEmails.Confirmed(l, member.Name, summary, facts.Place, start, end),
                BookingEvent.Requested => BookingEmails.Requested(l, member.Name, facts.Resource, start),
                BookingEvent.Approved => BookingEmails.Decided(l, member.Name, facts.Resource, start, approved: true),
                BookingEvent.Declined => BookingEmails.Decided(l, member.Name, facts.Resource, start, approved: false),
                BookingEvent.Cancelled when bookings.Count > 1 => BookingEmails.SeriesCancelled(l, member.Name, facts.Resource, starts),
                BookingEvent.Cancelled => BookingEmails.Cancelled(l, member.Name, facts.Resource, start),
                BookingEvent.Changed when bookings.Count > 1 => BookingEmails.SeriesChanged(l, member.Name, facts.Resource, start, bookings.Count),
                BookingEvent.Changed => BookingEmails.Changed(l, member.Name, summary, facts.Place, start, end),
                _ => BookingEmails.Reminder(l, member.Name, summary, facts.Place, start, end),
            }) with { Attachment = calendar });
        }
        if (what is BookingEvent.Confirmed or BookingEvent.Approved or BookingEvent.Cancelled or BookingEvent.Changed)
        {
            foreach (var attendee in facts.Attendees)
            {
                outbox.Enqueue(attendee.Email, attendee.Culture, l => (what switch
                {
                    BookingEvent.Cancelled => BookingEmails.InvitationCancelled(l, attendee.Name, facts.Host, summary, start),
                    BookingEvent.Changed => BookingEmails.InvitationChanged(l, attendee.Name, facts.Host, summary, facts.Place, start, end),
                    _ => BookingEmails.Invited(l, attendee.Name, facts.Host, summary, facts.Place, start, end),
                }) with { Attachment = calendar });
            }
        }
    }

    /// To one attendee just added to (invited) or removed from (cancelled for them) a booking.
    public async Task SendToAttendeeAsync(Booking booking, BookingAttendee attendee, bool added, CancellationToken ct)
    {
        var facts = await FactsAsync([booking], added ? null : [], ct);
        var who = (await PeopleAsync([attendee], booking.BookedByUserId, ct)).FirstOrDefault();
        if (who is null)
        {
            return;
        }
        var (start, end) = (Local(booking.Start, facts), Local(booking.End, facts));
        var summary = Summary(booking, facts.Resource);
        var everyone = added && !facts.Attendees.Any(a => a.Email == who.Email) ? facts with { Attendees = [.. facts.Attendees, who] } : facts;
        var calendar = added ? Invitation([booking], everyone, "REQUEST") : Invitation([booking], facts with { Attendees = [who] }, "CANCEL", cancelled: true);
        outbox.Enqueue(who.Email, who.Culture, l => (added
            ? BookingEmails.Invited(l, who.Name, facts.Host, summary, facts.Place, start, end)
            : BookingEmails.InvitationCancelled(l, who.Name, facts.Host, summary, start)) with { Attachment = calendar });
    }

    /// An .ics for these bookings; calendar apps match each VEVENT by UID and keep the highest SEQUENCE.
    public EmailAttachment Invitation(IReadOnlyList<Booking> bookings, Facts facts, string method, bool cancelled = false)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var attendees = (facts.Member is { } m ? [new CalendarPerson(m.Email, m.Name)] : Array.Empty<CalendarPerson>())
            .Concat(facts.Attendees.Select(a => new CalendarPerson(a.Email, a.Name.Length > 0 ? a.Name : null))).ToList();
        var events = bookings.Select(b => new CalendarEvent(
            b.Id, b.Start, b.End, Summary(b, facts.Resource), facts.Place, null, cancelled || method == "CANCEL" || !b.HoldsSlot, now,
            b.Sequence, facts.Organizer, attendees));
        return new EmailAttachment(method == "CANCEL" ? "cancel.ics" : "invite.ics", $"text/calendar; method={method}; charset=utf-8", ICalendar.Write(facts.Resource, events, method));
    }

    /// A recipient: address, name to greet (empty when unknown) and language (null: the network's).
    internal sealed record Person(string Email, string Name, string? Culture);

    internal sealed record Facts(string Resource, string Place, TimeZoneInfo Zone, CalendarPerson Organizer, string Host, Person? Member, IReadOnlyList<Person> Attendees);

    public async Task<Facts> FactsAsync(IReadOnlyList<Booking> bookings, IReadOnlyList<BookingAttendee>? attendees, CancellationToken ct)
    {
        var first = bookings[0];
        // The resource and its location from the booking rules' cache when active (the booking path just
        // read them); a deactivated one's notices (a cancellation) read them from the database.
        var where = await rules.GetAsync(db, first.ResourceId, ct) is var (resource, location)
            ? new Where(resource.Name, location.Name, location.Street, location.PostalCode, location.City, location.TimeZone)
            : await db.Resources.Where(r => r.Id == first.ResourceId)
                .Join(db.Locations, r => r.LocationId, l => l.Id, (r, l) => new Where(r.Name, l.Name, l.Street, l.PostalCode, l.City, l.TimeZone))
                .AsNoTracking().FirstAsync(ct);
        var network = await db.NetworkRow.AsNoTracking().Select(n => new { n.Name, n.Email }).SingleOrDefaultAsync(ct);
        var ids = bookings.Select(b => b.Id).ToList();
        var rows = attendees ?? await db.BookingAttendees.AsNoTracking().Where(a => ids.Contains(a.BookingId)).OrderBy(a => a.AddedAt).ThenBy(a => a.Id).ToListAsync(ct);
        // The member (their address and language) and their full name as the host, in one query.
        var booker = first.MemberId is { } memberId
            ? await db.Members.AsNoTracking().Where(m => m.Id == memberId)
                .Select(m => new
                {
                    Person = new Person(m.Email, m.FirstName, db.Users.Where(u => u.Id == m.UserId).Select(u => u.PreferredCulture).FirstOrDefault()),
                    Host = m.FirstName + " " + m.LastName,
                })
                .FirstOrDefaultAsync(ct)
            : null;
        var member = booker?.Person;
        var host = first.MemberId is not null
            ? booker?.Host
            : await db.Users.AsNoTracking().Where(u => u.Id == first.BookedByUserId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        var people = (await PeopleAsync(rows, first.BookedByUserId, ct)).Where(p => p.Email != member?.Email).DistinctBy(p => p.Email).ToList();
        return new Facts(
            where.Resource,
            $"{where.Resource}, {where.Location}, {where.Street}, {where.PostalCode} {where.City}",
            TimeZoneInfo.FindSystemTimeZoneById(where.TimeZone),
            new CalendarPerson(network?.Email is { Length: > 0 } email ? email : mail.From, where.Location),
            string.IsNullOrWhiteSpace(host) ? where.Location : host,
            member,
            people);
    }

    private sealed record Where(string Resource, string Location, string Street, string PostalCode, string City, string TimeZone);

    /// Members by their current address and language; guests by the address typed, in the booker's language.
    private async Task<List<Person>> PeopleAsync(IReadOnlyList<BookingAttendee> rows, Guid bookedBy, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return [];
        }
        var memberIds = rows.Where(a => a.MemberId is not null).Select(a => a.MemberId!.Value).Distinct().ToList();
        var members = await db.Members.AsNoTracking().Where(m => memberIds.Contains(m.Id))
            .Select(m => new { m.Id, m.Email, m.FirstName, Culture = db.Users.Where(u => u.Id == m.UserId).Select(u => u.PreferredCulture).FirstOrDefault() })
            .ToDictionaryAsync(m => m.Id, ct);
        var bookerCulture = await db.Users.AsNoTracking().Where(u => u.Id == bookedBy).Select(u => u.PreferredCulture).FirstOrDefaultAsync(ct);
        var people = new List<Person>();
        foreach (var row in rows)
        {
            if (row.MemberId is { } id && members.TryGetValue(id, out var m))
            {
                people.Add(new Person(m.Email, m.FirstName, m.Culture));
            }
            else if (row.Email is { } email)
            {
                people.Add(new Person(email, row.Name ?? "", bookerCulture));
            }
        }
        return people;
    }

    private static DateTime Local(DateTime utc, Facts facts) => WallClock.ToLocal(DateTime.SpecifyKind(utc, DateTimeKind.Utc), facts.Zone);

    private static string Summary(Booking booking, string resource) =>
        booking.Title.Length > 0 && booking.Title != resource ? $"{booking.Title} · {resource}" : resource;
}
