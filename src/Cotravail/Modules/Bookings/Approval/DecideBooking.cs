using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Bookings;

/// A manager of the location approves or declines a pending request. The decision is one conditional
/// UPDATE (still Pending), so two managers deciding at once cannot both win.
internal sealed class DecideBooking(AppDb db, BookingNotice notice, IEnumerable<IBookingCover> covers, TimeProvider clock)
{
    public async Task<Result<BookingResponse>> HandleAsync(Guid id, bool approve, AccessScope scope, CancellationToken ct)
    {
        var booking = await db.Bookings.VisibleTo(db, scope).AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct);
        if (booking is null)
        {
            return new NotFound("Booking");
        }
        if (!scope.CanManage(booking.LocationId))
        {
            return new Forbidden();
        }
        var to = approve ? BookingStatus.Confirmed : BookingStatus.Declined;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // A waitlist offer's hold is Pending too, but it is the member's to accept, not a request to decide.
        var changed = await db.Bookings.Where(b => b.Id == id && b.Status == BookingStatus.Pending
                && !db.Set<WaitlistEntry>().Any(w => w.BookingId == b.Id && w.Status == WaitlistStatus.Offered))
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, to), ct);
        if (changed != 1)
        {
            return new Conflict("status", BookingMessages.NotPending);
        }
        if (!approve && covers.FirstOrDefault() is { } cover)
        {
            await cover.ReleaseAsync(db, id, ct);
        }
        // Approved: the member's confirmation and the attendees' invitations, with the .ics.
        await notice.SendAsync([booking], approve ? BookingEvent.Approved : BookingEvent.Declined, null, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return await BookingQueries.GetAsync(id, db, scope, clock, ct);
    }
}
