using Cotravail.Modules.Privacy.Erasure;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Bookings;

/// Bookings of an erased person: kept (they carry prices and charges for billing) but their titles
/// are blanked, since a title may name people; bookings still to come are cancelled, freeing the slots;
/// their calendar addresses and waitlist places are deleted.
internal sealed class BookingErasure : IErasureStep
{
    public IReadOnlyCollection<string> Tables { get; } = ["Bookings", "CalendarFeeds", "Waitlist"];

    public async Task EraseAsync(ErasureContext context, CancellationToken ct)
    {
        var (userId, memberId) = (context.Subject.UserId, context.Subject.MemberId);
        await context.Db.CalendarFeeds.Where(f => f.UserId == userId).ExecuteDeleteAsync(ct);
        await context.Db.Waitlist.Where(w => w.UserId == userId || w.MemberId == memberId).ExecuteDeleteAsync(ct);
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
