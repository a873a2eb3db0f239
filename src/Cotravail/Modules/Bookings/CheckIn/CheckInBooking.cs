using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Bookings;

/// Checks a booking in (its member, or the location's staff at the front desk), from 15 minutes before
/// its start until its end; a checked-in booking is never released as a no-show.
internal static class CheckInBooking
{
    public static async Task<Result<BookingResponse>> HandleAsync(Guid id, AppDb db, AccessScope scope, TimeProvider clock, CancellationToken ct)
    {
        var booking = await db.Bookings.VisibleTo(db, scope).FirstOrDefaultAsync(b => b.Id == id, ct);
        if (booking is null)
        {
            return new NotFound("Booking");
        }
        if (!booking.CheckIn(clock.GetUtcNow().UtcDateTime))
        {
            return new Conflict("start", BookingMessages.NotCheckable);
        }
        await db.SaveChangesAsync(ct);
        return await BookingQueries.GetAsync(id, db, scope, clock, ct);
    }
}
