using Cotravail.Common;
using Cotravail.Common.Database;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Resources;

namespace Cotravail.Modules.Bookings;

internal enum HalfDayState
{
    /// Every open half-hour still to come is free.
    Free,
    /// Some are free, some are taken.
    Partly,
    Busy,
    Assigned,
    Closed,
    Past,
}

/// A location's week, Monday to Sunday, as resources × half-days: the morning runs until 13:00 local
/// time, the afternoon from then until closing. Each half-day sums up the day grid's half-hours
/// (LocationDay), so opening hours, closed days, time-zone changes and buffers are read the same way
/// as on the day view; a free half-day links to its first free half-hour there.
internal static class LocationWeek
{
    public static readonly TimeOnly Afternoon = new(13, 0);

    internal sealed record HalfDay(HalfDayState State, TimeOnly? FirstFree);

    internal sealed record Day(DateOnly Date, bool Closed);

    /// Cells: two per day (morning, afternoon), fourteen in all.
    internal sealed record Row(Guid ResourceId, string Name, ResourceKind Kind, IReadOnlyList<HalfDay> Cells);

    internal sealed record Grid(DateOnly Monday, IReadOnlyList<Day> Days, IReadOnlyList<Row> Rows);

    public static async Task<Grid> LoadAsync(AppDb db, Location location, DateOnly anyDay, TimeProvider clock, CancellationToken ct)
    {
        var monday = Weeks.MondayOf(anyDay);
        var days = await LocationDay.LoadDaysAsync(db, location, [.. Enumerable.Range(0, 7).Select(monday.AddDays)], clock, Viewer.Nobody, ct);
        var resources = days.SelectMany(d => d.Rows).DistinctBy(r => r.ResourceId)
            .OrderBy(r => r.Kind).ThenBy(r => r.Name, StringComparer.CurrentCulture).ToList();
        var rows = resources.Select(resource => new Row(resource.ResourceId, resource.Name, resource.Kind, [.. days.SelectMany(day =>
        {
            var row = day.Rows.FirstOrDefault(r => r.ResourceId == resource.ResourceId);
            if (day.ClosedDay || row is null)
            {
                return new[] { new HalfDay(HalfDayState.Closed, null), new HalfDay(HalfDayState.Closed, null) };
            }
            var cells = day.Times.Zip(row.Cells, (time, cell) => (time, cell.IsPast ? CellState.Past : cell.State)).ToList();
            return [Summarise(cells.Where(c => c.time < Afternoon)), Summarise(cells.Where(c => c.time >= Afternoon))];
        })])).ToList();
        return new Grid(monday, [.. days.Select(d => new Day(d.Date, d.ClosedDay))], rows);
    }

    internal static HalfDay Summarise(IEnumerable<(TimeOnly Time, CellState State)> cells)
    {
        var open = cells.Where(c => c.State != CellState.Closed).ToList();
        var coming = open.Where(c => c.State != CellState.Past).ToList();
        var free = coming.Where(c => c.State == CellState.Free).ToList();
        var state = open.Count == 0 ? HalfDayState.Closed
            : coming.Count == 0 ? HalfDayState.Past
            : free.Count == coming.Count ? HalfDayState.Free
            : free.Count > 0 ? HalfDayState.Partly
            : coming.All(c => c.State == CellState.Assigned) ? HalfDayState.Assigned
            : HalfDayState.Busy;
        return new HalfDay(state, free.Count > 0 ? free[0].Time : null);
    }
}
