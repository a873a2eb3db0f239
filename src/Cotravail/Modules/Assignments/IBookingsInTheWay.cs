using Cotravail.Common.Database;

namespace Cotravail.Modules.Assignments;

/// The active bookings of a resource still to come in a new assignment's period, in the location's local
/// time. The Bookings module registers it, so the arrow goes one way: Bookings asks AssignmentHolds whether a
/// resource is held, Assignments asks this hook what is booked, and neither module names the other's tables.
internal interface IBookingsInTheWay
{
    /// Called inside the assignment's write transaction; at most 50, soonest first.
    Task<IReadOnlyList<AssignResource.BookingInTheWay>> FindAsync(AppDb db, ResourceAssignment assignment, DateTime now, TimeZoneInfo zone, CancellationToken ct);
}
