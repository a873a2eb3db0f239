using Cotravail.Common.Database;
using Cotravail.Modules.Assignments;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Bookings;

/// Assignments' question (IBookingsInTheWay): the pending and confirmed bookings of the resource that end
/// after now and overlap the new assignment's period, in the location's local time.
internal sealed class BookingsInTheWay : IBookingsInTheWay
{
    public async Task<IReadOnlyList<AssignResource.BookingInTheWay>> FindAsync(AppDb db, ResourceAssignment assignment, DateTime now, TimeZoneInfo zone, CancellationToken ct)
    {
        var (startsAt, endsAt) = (assignment.StartsAt, assignment.EndsAt);
        var inTheWay = await db.Bookings.AsNoTracking()
            .Where(b => b.ResourceId == assignment.ResourceId && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Confirmed)
                && b.End > now && (endsAt == null || b.Start < endsAt) && startsAt < b.End)
            .OrderBy(b => b.Start).Take(50).Select(b => new { b.Id, b.Start, b.End }).ToListAsync(ct);
        return [.. inTheWay.Select(b => new AssignResource.BookingInTheWay(b.Id, WallClock.ToLocal(b.Start, zone), WallClock.ToLocal(b.End, zone)))];
    }
}
