using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Members;
using Cotravail.Modules.Resources;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Bookings;

internal enum CellState
{
    Free,
    /// Taken by someone else's confirmed booking (for a desk zone: every seat taken).
    Busy,
    Closed,
    Past,
    /// A desk or office assigned to a member or a company that day (Modules/Assignments).
    Assigned,
    /// A request waiting for a manager's approval.
    Pending,
    /// The viewer's own booking (as its member or its booker).
    Yours,
    /// No booking there, but a booking next to it needs the time to set up or clean.
    Buffer,
}

/// Who looks at the grid: their own bookings show as theirs; the location's staff see who booked.
internal sealed record Viewer(Guid? MemberId, Guid? UserId, bool SeesNames)
{
    public static readonly Viewer Nobody = new(null, null, false);

    public static Viewer Of(AccessScope scope, Guid locationId) => new(scope.MemberId, scope.UserId, scope.CanSee(locationId));
}

/// A location's day as a grid: its active resources × 30-minute cells from the earliest opening to the
/// latest closing of that weekday. A cell is taken when a booking runs in it, a buffer when starting a
/// booking there would only hit another booking's set-up or cleaning time, free otherwise (a desk zone
/// while one of its seats is free). Names are shown to the location's staff only; a member sees their
/// own bookings as theirs and the others' as taken.
internal static class LocationDay
{
    public const int CellMinutes = 30;

    /// One half-hour of one resource. IsPast: the half-hour has begun (for a booking: the booking is over). Booking: an index into Grid.Bookings (-1 for none); FreeSeats: for a
    /// desk zone, the seats still free.
    internal sealed record Cell(CellState State, bool IsPast = false, int Booking = -1, int FreeSeats = 0);

    /// A run of cells shown as one block: a booking's half-hours, a stretch closed, past or assigned; a free
    /// half-hour is always its own run, to be picked.
    internal sealed record Run(int Index, int Length, Cell Cell);

    internal sealed record Row(Guid ResourceId, string Name, ResourceKind Kind, int Seats, IReadOnlyList<Cell> Cells)
    {
        /// Split: a column that starts a run of its own unless a booking holds it (the "now" column, so that the
        /// line falls where it should in a long closed or past stretch).
        public IReadOnlyList<Run> Runs(int? split = null)
        {
            var runs = new List<Run>();
            for (var i = 0; i < Cells.Count;)
            {
                var alone = Cells[i].Booking < 0 && split is { } s;
                var j = i + 1;
                while (j < Cells.Count && Cells[i].State != CellState.Free && Cells[j] == Cells[i] && !(alone && (i == split || j == split)))
                {
                    j++;
                }
                runs.Add(new Run(i, j - i, Cells[i]));
                i = j;
            }
            return runs;
        }
    }

    /// A booking shown on the grid; Who is null unless the viewer is on the location's staff.
    internal sealed record Shown(Guid Id, Guid ResourceId, string? Who, string Title, DateTime LocalStart, DateTime LocalEnd,
        BookingStatus Status, bool CheckedIn, bool Mine, bool CanCheckIn);

    internal sealed record Grid(DateOnly Date, IReadOnlyList<TimeOnly> Times, IReadOnlyList<Row> Rows, bool ClosedDay,
        IReadOnlyList<Shown> Bookings, DateTime LocalNow)
    {
        /// Where the "now" line falls: the column and the fraction of it, or null when now is not on this grid.
        public (int Column, double Fraction)? Now()
        {
            if (DateOnly.FromDateTime(LocalNow) != Date)
            {
                return null;
            }
            var now = TimeOnly.FromDateTime(LocalNow);
            for (var i = 0; i < Times.Count; i++)
            {
                var minutes = (now - Times[i]).TotalMinutes;
                if (now >= Times[i] && minutes < CellMinutes)
                {
                    return (i, minutes / CellMinutes);
                }
            }
            return null;
        }
    }

    public static async Task<Grid> LoadAsync(AppDb db, Location location, DateOnly date, TimeProvider clock, CancellationToken ct) =>
        await LoadAsync(db, location, date, clock, Viewer.Nobody, ct);

    public static async Task<Grid> LoadAsync(AppDb db, Location location, DateOnly date, TimeProvider clock, Viewer viewer, CancellationToken ct) =>
        (await LoadDaysAsync(db, location, [date], clock, viewer, ct))[0];

    /// Several days' grids (the week view) from one read of the resources, bookings and assignments.
    public static async Task<IReadOnlyList<Grid>> LoadDaysAsync(AppDb db, Location location, IReadOnlyList<DateOnly> dates, TimeProvider clock, Viewer viewer,
        CancellationToken ct)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(location.TimeZone);
        var utcNow = clock.GetUtcNow().UtcDateTime;
        var localNow = WallClock.ToLocal(utcNow, zone);
        var frames = dates.Select(d => Frame.Of(location, d)).ToList();
        var open = frames.OfType<Frame>().ToList();
        if (open.Count == 0)
        {
            return [.. dates.Select(d => new Grid(d, [], [], true, [], localNow))];
        }
        var resources = await db.Resources.AsNoTracking().Where(r => r.LocationId == location.Id && r.IsActive)
            .OrderBy(r => r.Kind).ThenBy(r => r.Name).ToListAsync(ct);
        var from = open.Min(f => f.From);
        var to = open.Max(f => f.To);
        var bookings = await db.Bookings.AsNoTracking()
            .Where(b => b.LocationId == location.Id && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Confirmed)
                && b.BlockStart < to && from < b.BlockEnd)
            .OrderBy(b => b.Start)
            .Select(b => new Taken(b.Id, b.ResourceId, b.Seat, b.Start, b.End, b.BlockStart, b.BlockEnd, b.Status, b.MemberId, b.BookedByUserId, b.CheckedInAt, b.Title))
            .ToListAsync(ct);
        var names = viewer.SeesNames
            ? await NamesAsync(db, [.. bookings.Select(b => b.MemberId).OfType<Guid>().Distinct()], ct)
            : new Dictionary<Guid, string>();
        var assigned = await Assignments.AssignmentHolds.PeriodsAsync(db, resources, from, to, ct);
        var context = new Context(zone, utcNow, localNow, viewer, resources, bookings.ToLookup(b => b.ResourceId), names, assigned);
        return [.. frames.Select((f, i) => f is null ? new Grid(dates[i], [], [], true, [], localNow) : Build(f, context))];
    }

    /// A day's open span: its half-hours from the earliest opening to the latest closing; null when closed all day.
    private sealed record Frame(DateOnly Date, List<OpeningPeriod> Periods, DateTime Midnight, List<DateTime> Times)
    {
        /// Bookings to read around the day: wide enough for any UTC offset and buffer.
        public DateTime From => DateTime.SpecifyKind(Times[0].AddHours(-15), DateTimeKind.Utc);

        public DateTime To => DateTime.SpecifyKind(Times[^1].AddHours(15.5), DateTimeKind.Utc);

        public static Frame? Of(Location location, DateOnly date)
        {
            var periods = location.OpeningHours.Where(p => p.Day == date.DayOfWeek).ToList();
            if (periods.Count == 0 || location.ClosedDays.Any(c => c.Date == date))
            {
                return null;
            }
            var midnight = date.ToDateTime(TimeOnly.MinValue);
            var opens = midnight + periods.Min(p => p.Opens.ToTimeSpan());
            var closes = midnight + periods.Max(p => p.Closes == TimeOnly.MinValue ? TimeSpan.FromDays(1) : p.Closes.ToTimeSpan());
            var times = new List<DateTime>();
            for (var t = opens; t < closes; t = t.AddMinutes(CellMinutes))
            {
                times.Add(t);
            }
            return times.Count == 0 ? null : new Frame(date, periods, midnight, times);
        }

        /// Whether the half-hour from t lies inside one of the periods.
        public bool Open(IEnumerable<OpeningPeriod> hours, DateTime t) => hours.Any(p => Midnight + p.Opens.ToTimeSpan() <= t
            && t.AddMinutes(CellMinutes) <= Midnight + (p.Closes == TimeOnly.MinValue ? TimeSpan.FromDays(1) : p.Closes.ToTimeSpan()));
    }

    private sealed record Context(TimeZoneInfo Zone, DateTime UtcNow, DateTime LocalNow, Viewer Viewer, List<Resource> Resources,
        ILookup<Guid, Taken> Bookings, Dictionary<Guid, string> Names, ILookup<Guid, Assignments.AssignmentHolds.Period> Assigned);

    private static Grid Build(Frame day, Context c)
    {
        var (viewer, utcNow, localNow) = (c.Viewer, c.UtcNow, c.LocalNow);
        // Each half-hour's span in UTC, or null when the location is closed then (or the time does not exist).
        var slots = day.Times.Select(t => day.Open(day.Periods, t) ? SearchAvailability.UtcSlot(c.Zone, t, t.AddMinutes(CellMinutes)) : null).ToList();
        var shown = new List<Shown>();
        var index = new Dictionary<Guid, int>();
        bool Viewed(Taken b) => (viewer.MemberId is { } m && b.MemberId == m) || (viewer.UserId is { } u && b.BookedByUserId == u);
        int Show(Taken b)
        {
            if (!index.TryGetValue(b.Id, out var i))
            {
                i = shown.Count;
                index[b.Id] = i;
                shown.Add(ToShown(b, viewer, c.Names, c.Zone, utcNow));
            }
            return i;
        }
        var rows = c.Resources.Select(r =>
        {
            var mine = c.Bookings[r.Id].Where(b => b.BlockStart < day.To && day.From < b.BlockEnd).ToList();
            var seats = r.Kind == ResourceKind.HotDeskZone ? r.Capacity : 1;
            // a resource's own hours narrow the location's (none: it follows them)
            var narrowed = r.OpeningHours.Count > 0;
            var own = narrowed ? r.HoursWithin(day.Periods) : day.Periods;
            var holds = c.Assigned[r.Id].ToList();
            var cells = day.Times.Select((t, i) =>
            {
                if (slots[i] is not { } slot || (narrowed && !day.Open(own, t)))
                {
                    return new Cell(CellState.Closed);
                }
                var past = t < localNow;
                if (holds.Any(p => p.Overlaps(slot.Start, slot.End)))
                {
                    return new Cell(CellState.Assigned, past);
                }
                // One pass over the resource's bookings (no allocation: the week view asks this some 8,000 times).
                Taken? viewers = null;
                Taken? main = null;
                var held = TimeSpan.MinValue;
                foreach (var b in mine)
                {
                    if (b.Start < slot.End && slot.Start < b.End)
                    {
                        viewers ??= Viewed(b) ? b : null;
                        var overlap = (b.End < slot.End ? b.End : slot.End) - (b.Start > slot.Start ? b.Start : slot.Start);
                        if (overlap > held)
                        {
                            (main, held) = (b, overlap); // the booking that holds most of the half-hour
                        }
                    }
                }
                if (viewers is not null)
                {
                    return new Cell(CellState.Yours, viewers.End <= utcNow, Show(viewers));
                }
                if (seats == 1 && main is not null)
                {
                    return new Cell(main.Status == BookingStatus.Pending ? CellState.Pending : CellState.Busy, main.End <= utcNow, Show(main));
                }
                if (past)
                {
                    return new Cell(CellState.Past, true);
                }
                var block = slot.Widen(r.Policy.Setup, r.Policy.Cleanup);
                var taken = Taken.SeatsIn(mine, block, seats);
                if (taken < seats)
                {
                    return new Cell(CellState.Free, false, -1, seats - taken);
                }
                return main is not null ? new Cell(CellState.Busy) : new Cell(CellState.Buffer);
            }).ToList();
            return new Row(r.Id, r.Name, r.Kind, seats, cells);
        }).ToList();
        return new Grid(day.Date, [.. day.Times.Select(TimeOnly.FromDateTime)], rows, false, shown, localNow);
    }

    /// One booking of the location for its panel on the grid (?booking=), wherever it falls: null when it does not
    /// exist there or the viewer may not see it (neither staff of the location nor its member or booker).
    public static async Task<Shown?> FindAsync(AppDb db, Location location, Guid id, TimeProvider clock, Viewer viewer, CancellationToken ct)
    {
        var b = await db.Bookings.AsNoTracking()
            .Where(b => b.Id == id && b.LocationId == location.Id && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Confirmed))
            .Select(b => new Taken(b.Id, b.ResourceId, b.Seat, b.Start, b.End, b.BlockStart, b.BlockEnd, b.Status, b.MemberId, b.BookedByUserId, b.CheckedInAt, b.Title))
            .FirstOrDefaultAsync(ct);
        if (b is null)
        {
            return null;
        }
        var names = viewer.SeesNames && b.MemberId is { } member ? await NamesAsync(db, [member], ct) : [];
        var shown = ToShown(b, viewer, names, TimeZoneInfo.FindSystemTimeZoneById(location.TimeZone), clock.GetUtcNow().UtcDateTime);
        return shown.Who is not null || shown.Mine ? shown : null;
    }

    private static Shown ToShown(Taken b, Viewer viewer, Dictionary<Guid, string> names, TimeZoneInfo zone, DateTime utcNow)
    {
        var mine = (viewer.MemberId is { } m && b.MemberId == m) || (viewer.UserId is { } u && b.BookedByUserId == u);
        return new Shown(b.Id, b.ResourceId, viewer.SeesNames ? (b.MemberId is { } id && names.TryGetValue(id, out var name) ? name : "") : null,
            viewer.SeesNames || mine ? b.Title : "", WallClock.ToLocal(b.Start, zone), WallClock.ToLocal(b.End, zone), b.Status, b.CheckedInAt is not null, mine,
            b.Status == BookingStatus.Confirmed && b.CheckedInAt is null && utcNow >= b.Start - Booking.CheckInOpens && utcNow < b.End);
    }

    private sealed record Taken(Guid Id, Guid ResourceId, int Seat, DateTime Start, DateTime End, DateTime BlockStart, DateTime BlockEnd,
        BookingStatus Status, Guid? MemberId, Guid BookedByUserId, DateTime? CheckedInAt, string Title)
    {
        /// How many seats bookings hold in the span, set-up and cleaning included (at most `seats`: one is enough for a room).
        public static int SeatsIn(List<Taken> bookings, Common.TimeSlot block, int seats)
        {
            HashSet<int>? distinct = null;
            foreach (var b in bookings)
            {
                if (b.BlockStart < block.End && block.Start < b.BlockEnd)
                {
                    if (seats == 1)
                    {
                        return 1;
                    }
                    (distinct ??= []).Add(b.Seat);
                }
            }
            return distinct?.Count ?? 0;
        }
    }

    private static async Task<Dictionary<Guid, string>> NamesAsync(AppDb db, List<Guid> members, CancellationToken ct) =>
        members.Count == 0
            ? []
            : await db.Set<Member>().AsNoTracking().Where(m => members.Contains(m.Id))
                .ToDictionaryAsync(m => m.Id, m => (m.FirstName + " " + m.LastName).Trim(), ct);
}
