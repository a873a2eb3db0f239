using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Email;
using Cotravail.Common.Errors;
using Microsoft.EntityFrameworkCore;
using Cotravail.Modules.Members;

namespace Cotravail.Modules.Bookings;

/// Attendee messages, resource keys shown by the field they concern.
internal static class AttendeeMessages
{
    public const string TooManyAttendees = "A booking has at most 50 attendees.";
    public const string UnknownMember = "There is no such member.";
    public const string AttendeeNeedsEmail = "Give the attendee's email address or member id.";
    public const string AttendeeEitherOr = "Give either an email address or a member id, not both.";
    public const string NotAnEmail = "This is not a valid email address.";
    public const string NameTooLong = "This name is too long (200 characters at most).";
    public const string AlreadyAttending = "This person is already invited.";
    public const string NotChangeable = "This booking is over or no longer active.";
}

/// One attendee as the API takes it: { "memberId": "…" } for a member, { "email": "…", "name": "…" } for a guest.
internal sealed record AttendeeInput
{
    public Guid? MemberId { get; init; }

    public string? Email { get; init; }

    public string? Name { get; init; }
}

internal sealed record AttendeeResponse(Guid Id, Guid? MemberId, string? Email, string Name);

/// Attendees of a booking: checked (well-formed addresses, existing members, at most 50), listed, and
/// added or removed later by whoever may see the booking (its member or booker, their company admin,
/// the location's staff), each added or removed person being told by email.
internal sealed class Attendees(AppDb db, BookingNotice notice, TimeProvider clock)
{
    /// Rows for a booking being created (not saved): errors name "attendees[i].email" or "attendees[i].memberId".
    public static async Task<Result<List<BookingAttendee>>> ResolveAsync(IReadOnlyList<AttendeeInput>? inputs, Booking booking, AppDb db, DateTime now, CancellationToken ct)
    {
        var rows = new List<BookingAttendee>();
        if (inputs is null || inputs.Count == 0)
        {
            return rows;
        }
        if (inputs.Count > BookingAttendee.MaxPerBooking)
        {
            return new Invalid("attendees", AttendeeMessages.TooManyAttendees);
        }
        var memberIds = inputs.Where(a => a.MemberId is not null).Select(a => a.MemberId!.Value).Distinct().ToList();
        var known = await db.Members.AsNoTracking().Where(m => memberIds.Contains(m.Id) && m.IsActive).Select(m => m.Id).ToListAsync(ct);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            var check = Check(input, $"attendees[{i}]");
            if (check is not null)
            {
                return check;
            }
            if (input.MemberId is { } memberId)
            {
                if (!known.Contains(memberId))
                {
                    return new Invalid($"attendees[{i}].memberId", AttendeeMessages.UnknownMember);
                }
                if (memberId != booking.MemberId && seen.Add(memberId.ToString()))
                {
                    rows.Add(BookingAttendee.ForMember(booking.Id, memberId, now));
                }
            }
            else if (seen.Add(EmailText.Canonical(input.Email!)))
            {
                rows.Add(BookingAttendee.ForGuest(booking.Id, input.Email!, input.Name, now));
            }
        }
        return rows;
    }

    /// Either a member id or a well-formed email (and a name of at most 200 characters).
    private static Invalid? Check(AttendeeInput input, string field)
    {
        if (input.MemberId is null && string.IsNullOrWhiteSpace(input.Email))
        {
            return new Invalid($"{field}.email", AttendeeMessages.AttendeeNeedsEmail);
        }
        if (input.MemberId is not null && !string.IsNullOrWhiteSpace(input.Email))
        {
            return new Invalid($"{field}.email", AttendeeMessages.AttendeeEitherOr);
        }
        if (input.Email is { } email && !string.IsNullOrWhiteSpace(email) && !IsEmail(email.Trim()))
        {
            return new Invalid($"{field}.email", AttendeeMessages.NotAnEmail);
        }
        if (input.Name is { Length: > 200 })
        {
            return new Invalid($"{field}.name", AttendeeMessages.NameTooLong);
        }
        return null;
    }

    public static bool IsEmail(string text) => text.Length <= 256 && EmailText.IsValid(text);

    /// A form's "emails, one per line or separated by commas" as attendee inputs.
    public static List<AttendeeInput> Parse(string? text) =>
        [.. (text ?? "").Split([',', ';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(email => new AttendeeInput { Email = email })];

    public static async Task<Dictionary<Guid, List<AttendeeResponse>>> ListAsync(AppDb db, IReadOnlyCollection<Guid> bookingIds, CancellationToken ct)
    {
        if (bookingIds.Count == 0)
        {
            return [];
        }
        var rows = await db.BookingAttendees.AsNoTracking().Where(a => bookingIds.Contains(a.BookingId))
            .OrderBy(a => a.AddedAt).ThenBy(a => a.Id)
            .Select(a => new
            {
                a.BookingId,
                Response = new AttendeeResponse(a.Id, a.MemberId, a.Email,
                    a.MemberId == null ? a.Name ?? "" : db.Set<Member>().Where(m => m.Id == a.MemberId).Select(m => m.FirstName + " " + m.LastName).First()),
            })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.BookingId).ToDictionary(g => g.Key, g => g.Select(r => r.Response).ToList());
    }

    public async Task<Result<AttendeeResponse>> AddAsync(Guid bookingId, AttendeeInput input, AccessScope scope, CancellationToken ct)
    {
        var booking = await ChangeableAsync(bookingId, scope, ct);
        if (!booking.IsOk)
        {
            return booking.Error;
        }
        var existing = await db.BookingAttendees.AsNoTracking().Where(a => a.BookingId == bookingId).ToListAsync(ct);
        if (existing.Count >= BookingAttendee.MaxPerBooking)
        {
            return new Conflict("attendees", AttendeeMessages.TooManyAttendees);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var resolved = await ResolveAsync([input], booking.Value, db, now, ct);
        if (!resolved.IsOk)
        {
            return resolved.Error is Invalid i ? new Invalid(i.Field.Replace("attendees[0].", "", StringComparison.Ordinal), i.Reason) : resolved.Error;
        }
        if (resolved.Value.FirstOrDefault() is not { } row
            || existing.Any(a => (row.MemberId != null && a.MemberId == row.MemberId) || (row.Email != null && string.Equals(a.Email, row.Email, StringComparison.OrdinalIgnoreCase))))
        {
            return new Conflict(input.MemberId is null ? "email" : "memberId", AttendeeMessages.AlreadyAttending);
        }
        db.BookingAttendees.Add(row);
        if (booking.Value.Status == BookingStatus.Confirmed)
        {
            await notice.SendToAttendeeAsync(booking.Value, row, added: true, ct); // pending: invited when approved
        }
        await db.SaveChangesAsync(ct);
        return (await ListAsync(db, [bookingId], ct))[bookingId].First(a => a.Id == row.Id);
    }

    public async Task<Result<bool>> RemoveAsync(Guid bookingId, Guid attendeeId, AccessScope scope, CancellationToken ct)
    {
        var booking = await ChangeableAsync(bookingId, scope, ct);
        if (!booking.IsOk)
        {
            return booking.Error;
        }
        var row = await db.BookingAttendees.FirstOrDefaultAsync(a => a.Id == attendeeId && a.BookingId == bookingId, ct);
        if (row is null)
        {
            return new NotFound("Attendee");
        }
        db.BookingAttendees.Remove(row);
        booking.Value.Revise();
        if (booking.Value.Status == BookingStatus.Confirmed)
        {
            await notice.SendToAttendeeAsync(booking.Value, row, added: false, ct);
        }
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// A booking one may see, still holding its slot and not over.
    private async Task<Result<Booking>> ChangeableAsync(Guid bookingId, AccessScope scope, CancellationToken ct)
    {
        var booking = await db.Bookings.VisibleTo(db, scope).FirstOrDefaultAsync(b => b.Id == bookingId, ct);
        if (booking is null)
        {
            return new NotFound("Booking");
        }
        if (!booking.HoldsSlot || booking.End <= clock.GetUtcNow().UtcDateTime)
        {
            return new Conflict("status", AttendeeMessages.NotChangeable);
        }
        return booking;
    }
}
