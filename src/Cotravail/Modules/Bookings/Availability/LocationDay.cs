using Cotravail.Common.Database;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Resources;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Bookings;

internal enum CellState
{
    Free,
    Busy,
    Closed,
    Past,
    /// A desk or office assigned to a member or a company that day (Modules/Assignments).
    Assigned,
}

/// A location's day as a grid: its active resources × 30-minute cells from the earliest opening to the
/// latest closing of that weekday. A cell is busy when starting a booking there would hit another
/// booking (buffers included; a desk zone when all its seats are taken). Nobody's name is shown.
internal static class LocationDay
{
    public const int CellMinutes = 30;

    internal sealed record Row(Guid ResourceId, string Name, ResourceKind Kind, IReadOnlyList<CellState> Cells);

    internal sealed record Grid(DateOnly Date, IReadOnlyList<TimeOnly> Times, IReadOnlyList<Row> Rows, bool ClosedDay);

    public static async Task<Grid> LoadAsync(AppDb db, Location location, DateOnly date, TimeProvider clock, CancellationToken ct)
    {
        var periods = location.OpeningHours.Where(p => p.Day == date.DayOfWeek).ToList();
        var closedDay = location.ClosedDays.Any(c => c.Date == date);
        if (periods.Count == 0 || closedDay)
        {
            return new Grid(date, [], [], true);
        }
        var midnight = date.ToDateTime(TimeOnly.MinValue);
        var opens = midnight + periods.Min(p => p.Opens.ToTimeSpan());
        var closes = midnight + periods.Max(p => p.Closes == TimeOnly.MinValue ? TimeSpan.FromDays(1) : p.Closes.ToTimeSpan());
        var times = new List<DateTime>();
        for (var t = opens; t < closes; t = t.AddMinutes(CellMinutes))
        {
            times.Add(t);
        }
        var zone = TimeZoneInfo.FindSystemTimeZoneById(location.TimeZone);
        var resources = await db.Resources.AsNoTracking().Where(r => r.LocationId == location.Id && r.IsActive)
            .OrderBy(r => r.Kind).ThenBy(r => r.Name).ToListAsync(ct);
        var from = DateTime.SpecifyKind(opens.AddHours(-15), DateTimeKind.Utc);
        var to = DateTime.SpecifyKind(closes.AddHours(15), DateTimeKind.Utc);
        var busy = await db.Bookings.AsNoTracking()
            .Where(b => b.LocationId == location.Id && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Confirmed)
                && b.BlockStart < to && from < b.BlockEnd)
            .Select(b => new { b.ResourceId, b.Seat, b.BlockStart, b.BlockEnd }).ToListAsync(ct);
        var assigned = await Assignments.AssignmentHolds.PeriodsAsync(db, resources, from, to, ct);
        var localNow = WallClock.ToLocal(clock.GetUtcNow().UtcDateTime, zone);
        var rows = resources.Select(r =>
        {
            var mine = busy.Where(b => b.ResourceId == r.Id).ToList();
            var seats = r.Kind == ResourceKind.HotDeskZone ? r.Capacity : 1;
            var cells = times.Select(t =>
            {
                // a resource's own hours narrow the location's
                var open = r.HoursWithin(periods).Any(p => midnight + p.Opens.ToTimeSpan() <= t
                    && t.AddMinutes(CellMinutes) <= midnight + (p.Closes == TimeOnly.MinValue ? TimeSpan.FromDays(1) : p.Closes.ToTimeSpan()));
                if (!open || SearchAvailability.UtcSlot(zone, t, t.AddMinutes(CellMinutes)) is not { } slot)
                {
                    return CellState.Closed;
                }
                if (t < localNow)
                {
                    return CellState.Past;
                }
                if (assigned[r.Id].Any(p => p.Overlaps(slot.Start, slot.End)))
                {
                    return CellState.Assigned;
                }
                var block = slot.Widen(r.Policy.Setup, r.Policy.Cleanup);
                var taken = mine.Where(b => b.BlockStart < block.End && block.Start < b.BlockEnd).Select(b => b.Seat).Distinct().Count();
                return taken >= seats ? CellState.Busy : CellState.Free;
            }).ToList();
            return new Row(r.Id, r.Name, r.Kind, cells);
        }).ToList();
        return new Grid(date, [.. times.Select(TimeOnly.FromDateTime)], rows, false);
    }
}
