using Cotravail.Common.Database;

namespace Cotravail.Modules.Bookings;

/// What a member holds that pays for a booking in place of its price (a plan, a pass, credits). The
/// Subscriptions module implements it (ADR 21): Bookings names no module that sells, the arrow goes through
/// this hook as Assignments' does (ADR 17).
internal interface IBookingCover
{
    /// Whether the booking's member holds anything on the booking's day that might cover it: a read before the
    /// write, so that only such bookings take the covered path.
    Task<bool> MayCoverAsync(AppDb db, Booking booking, string timeZone, CancellationToken ct);

    /// Whether the booking's member holds, on its day, a plan, a pass or credits that cover its kind of resource
    /// at its location and hours (a plans-only resource is booked by them alone).
    Task<bool> HoldsCoverAsync(AppDb db, Booking booking, string timeZone, CancellationToken ct);

    /// Inside the booking's write transaction, once its row is written: takes what covers it, records it and
    /// lowers the booking's price to what is left to pay. Balances are locked and checked by the database.
    Task CoverAsync(AppDb db, Booking booking, string timeZone, CancellationToken ct);

    /// Gives back what a booking took (cancelled in time, declined, expired), in the caller's transaction.
    Task ReleaseAsync(AppDb db, Guid bookingId, CancellationToken ct);
}
