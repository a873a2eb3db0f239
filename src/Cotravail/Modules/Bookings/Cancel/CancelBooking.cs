using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Microsoft.EntityFrameworkCore;
using Cotravail.Modules.Resources;

namespace Cotravail.Modules.Bookings;

/// Cancels a booking: its member, whoever booked it, the member's company admin or the location's staff;
/// late cancellations record the fee of the resource's policy for billing. The notice and the waitlist's
/// promotion are part of it, so they are required.
internal sealed class CancelBooking(AppDb db, TimeProvider clock, Waitlist waitlist, BookingNotice notice, IEnumerable<IBookingCover> covers)
{
    public async Task<Result<BookingResponse>> HandleAsync(Guid id, AccessScope scope, CancellationToken ct)
    {
        var booking = await db.Bookings.VisibleTo(db, scope).FirstOrDefaultAsync(b => b.Id == id, ct);
        if (booking is null)
        {
            return new NotFound("Booking");
        }
        var policy = await db.Resources.Where(r => r.Id == booking.ResourceId).Select(r => r.Policy).FirstAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var late = booking.Status == BookingStatus.Confirmed && policy.LateCancellationPercent > 0 && now > booking.Start - TimeSpan.FromHours(policy.FreeCancellationHours);
        if (!booking.Cancel(now, policy))
        {
            return new Conflict("status", BookingMessages.NotCancellable);
        }
        await notice.SendAsync([booking], BookingEvent.Cancelled, null, ct); // to its member and attendees, with a METHOD:CANCEL .ics
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            // What a plan, a pass or credits paid for comes back, unless the cancellation is late: then it stays
            // used, in place of the fee a priced booking pays.
            if (!late && covers.FirstOrDefault() is { } cover)
            {
                await cover.ReleaseAsync(db, id, ct);
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        // Cancelling a waitlist offer's hold declines the offer.
        await db.Waitlist.Where(w => w.BookingId == id && w.Status == WaitlistStatus.Offered)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.Status, WaitlistStatus.Declined), ct);
        await waitlist.PromoteAsync(booking.ResourceId, ct); // the sweeper does it too, for every other path
        return await BookingQueries.GetAsync(id, db, scope, clock, ct);
    }
}
