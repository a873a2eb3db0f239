using Cotravail.Modules.Privacy.Erasure;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Bookings;

/// Bookings of an erased person: kept (they carry prices and charges for billing) but their titles
/// are blanked, since a title may name people; bookings still to come are cancelled, freeing the slots;
/// their calendar addresses and waitlist places are deleted, and so are their places among other
/// bookings' attendees (as a member, or as a guest under one of their email addresses).
internal sealed class BookingErasure : IErasureStep
{
    public IReadOnlyCollection<string> Tables { get; } = ["Bookings", "CalendarFeeds", "Waitlist", "BookingAttendees"];

    public async Task EraseAsync(ErasureContext context, CancellationToken ct)
    {
        var (userId, memberId) = (context.Subject.UserId, context.Subject.MemberId);
        await context.Db.CalendarFeeds.Where(f => f.UserId == userId).ExecuteDeleteAsync(ct);
        await context.Db.Waitlist.Where(w => w.UserId == userId || w.MemberId == memberId).ExecuteDeleteAsync(ct);
        var emails = context.PersonalTexts.Where(t => t.Contains('@', StringComparison.Ordinal)).Select(t => t.ToLowerInvariant()).ToList();
        await context.Db.BookingAttendees
            .Where(a => (memberId != null && a.MemberId == memberId) || (a.Email != null && emails.Contains(a.Email.ToLower())))
            .ExecuteDeleteAsync(ct);
        var bookings = await context.Db.Bookings
            .Where(b => (memberId != null && b.MemberId == memberId) || (userId != null && b.BookedByUserId == userId && b.MemberId == null))
            .ToListAsync(ct);
        foreach (var booking in bookings)
        {
            booking.Anonymise();
            if (booking.Start > context.Now)
            {
                booking.Cancel(context.Now);
            }
        }
    }
}
