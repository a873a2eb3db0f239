using Cotravail.Modules.Resources;

namespace Cotravail.Modules.Bookings;

/// A booking's cancellation terms (its resource's policy) and what cancelling it now would cost.
/// FreeUntil: the UTC instant until which cancelling is free (LocalFreeUntil on the location's wall clock);
/// FeeNowCents: the fee in minor units of the booking's currency (FeeNow in major units, as Price), 0 within
/// the free window or for a pending request, null when the booking can no longer be cancelled (Cancellable false).
internal sealed record CancellationResponse(
    int FreeCancellationHours,
    int LateCancellationPercent,
    DateTime FreeUntil,
    DateTime LocalFreeUntil,
    bool Cancellable,
    long? FeeNowCents)
{
    public decimal? FeeNow => FeeNowCents / 100m;

    public static CancellationResponse Of(Booking booking, int freeHours, int latePercent, TimeZoneInfo zone, DateTime now)
    {
        var policy = new BookingPolicy { FreeCancellationHours = freeHours, LateCancellationPercent = latePercent };
        var freeUntil = DateTime.SpecifyKind(booking.FreeCancellationUntil(policy), DateTimeKind.Utc);
        return new CancellationResponse(
            freeHours, latePercent, freeUntil, WallClock.ToLocal(freeUntil, zone), booking.HoldsSlot,
            booking.HoldsSlot ? booking.CancellationFeeAt(now, policy) : null);
    }
}
