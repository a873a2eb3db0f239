using Cotravail.Common;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Modules.Bookings;
using Cotravail.Modules.Companies;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Members;
using Cotravail.Modules.Network;
using Cotravail.Modules.Resources;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Admin;

/// Occupancy: booked seat-hours over open seat-hours; Percent is null when nothing was open.
internal sealed record Occupancy(double BookedHours, double OpenHours)
{
    public int? Percent => OpenHours <= 0 ? null : (int)Math.Round(100 * BookedHours / OpenHours, MidpointRounding.AwayFromZero);
}

internal sealed record KindOccupancy(ResourceKind Kind, int Seats, double BookedHours, double OpenHours, int? Percent);

internal sealed record WeekOccupancy(DateOnly WeekOf, double BookedHours, double OpenHours, int? Percent);

/// Today at the chosen location(s): seats taken now, the day's occupancy, arrivals.
internal sealed record TodayFigures(int SeatsTaken, int Seats, int? OccupancyNowPercent, double BookedHours, double OpenHours, int? OccupancyTodayPercent,
    int ArrivalsExpected, int CheckedIn, int NoShows);

/// What the lists of the back office count (all records the person may see, active ones apart).
internal sealed record DashboardCounts(int Locations, int ActiveLocations, int Resources, int ActiveResources, int Members, int ActiveMembers, int Companies, int ActiveCompanies);

internal sealed record PendingRequest(Guid Id, Guid LocationId, string Location, string Resource, string Member, DateTime Start, DateTime LocalStart, DateTime LocalEnd, bool CanDecide);

/// GET /api/v1/dashboard and the /admin page. LocationId null: every location the caller may see (the network for admins).
internal sealed record DashboardResponse(
    Guid? LocationId,
    DateTime At,
    TodayFigures Today,
    int PendingCount,
    IReadOnlyList<KindOccupancy> Next7Days,
    IReadOnlyList<KindOccupancy> Next30Days,
    IReadOnlyList<WeekOccupancy> Weeks,
    DashboardCounts Counts);

/// The operator's figures. Bookings are summed in SQL (grouped by location, kind and slot); opening hours, time
/// zones and seats are per location and few, so they are worked out in memory.
internal sealed class Dashboard(AppDb db, TimeProvider clock) : IPendingRequests
{
    public const int WeekCount = 12;
    public const int InboxSize = 100;

    private sealed record Place(Guid Id, string Name, TimeZoneInfo Zone, ILookup<DayOfWeek, OpeningPeriod> Hours, IReadOnlySet<DateOnly> Closed, bool AlwaysOpen);

    private sealed record Seats(Guid LocationId, ResourceKind Kind, int Count);

    /// The location ids the figures cover: the one asked for (when the caller works there) or all the caller sees.
    public async Task<Result<IReadOnlyList<Guid>>> ScopeAsync(Guid? locationId, AccessScope scope, CancellationToken ct)
    {
        if (locationId is { } id)
        {
            if (!await db.Locations.AnyAsync(l => l.Id == id, ct) || !scope.CanSee(id))
            {
                return new NotFound("Location");
            }
            return new List<Guid> { id };
        }
        return await db.Locations.VisibleTo(scope).Select(l => l.Id).ToListAsync(ct);
    }

    /// Pending requests to decide (not waitlist offers, which are the member's to accept), still ahead.
    public IQueryable<Booking> Pending(IReadOnlyList<Guid> locations)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = locations.ToList();
        return db.Bookings.AsNoTracking()
            .Where(b => ids.Contains(b.LocationId) && b.Status == BookingStatus.Pending && b.End > now
                && !db.Set<WaitlistEntry>().Any(w => w.BookingId == b.Id && w.Status == WaitlistStatus.Offered));
    }

    public Task<int> PendingCountAsync(IReadOnlyList<Guid> locations, CancellationToken ct) => Pending(locations).CountAsync(ct);

    /// The badge of the back office's menu: the requests waiting at every location the person works at.
    public async Task<int> CountAsync(AccessScope scope, CancellationToken ct = default) =>
        await PendingCountAsync(scope.IsNetworkAdmin ? await db.Locations.Select(l => l.Id).ToListAsync(ct) : scope.StaffLocations, ct);

    public async Task<IReadOnlyList<PendingRequest>> InboxAsync(IReadOnlyList<Guid> locations, AccessScope scope, CancellationToken ct)
    {
        var rows = await Pending(locations)
            .OrderBy(b => b.Start).ThenBy(b => b.Id)
            .Select(b => new
            {
                b.Id,
                b.LocationId,
                b.Start,
                b.End,
                Location = db.Set<Location>().Where(l => l.Id == b.LocationId).Select(l => l.Name).First(),
                Zone = db.Set<Location>().Where(l => l.Id == b.LocationId).Select(l => l.TimeZone).First(),
                Resource = db.Set<Resource>().Where(r => r.Id == b.ResourceId).Select(r => r.Name).First(),
                Member = db.Set<Member>().Where(m => m.Id == b.MemberId).Select(m => m.FirstName + " " + m.LastName).FirstOrDefault(),
            })
            .Take(InboxSize)
            .ToListAsync(ct);
        return [.. rows.Select(r =>
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(r.Zone);
            return new PendingRequest(r.Id, r.LocationId, r.Location, r.Resource, r.Member ?? "", r.Start,
                WallClock.ToLocal(r.Start, zone), WallClock.ToLocal(r.End, zone), scope.CanManage(r.LocationId));
        })];
    }

    public async Task<DashboardResponse> FiguresAsync(Guid? locationId, IReadOnlyList<Guid> locations, AccessScope scope, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = locations.ToList();
        var places = (await db.Locations.AsNoTracking().Where(l => ids.Contains(l.Id) && l.IsActive).ToListAsync(ct))
            .Select(l => new Place(l.Id, l.Name, TimeZoneInfo.FindSystemTimeZoneById(l.TimeZone), l.OpeningHours.ToLookup(p => p.Day),
                l.ClosedDays.Select(c => c.Date).ToHashSet(), l.OpeningHours.Count == 0))
            .ToList();
        var placeIds = places.Select(p => p.Id).ToList();
        // A hot-desk zone has as many seats as its capacity; any other resource is booked whole (one seat).
        var seats = (await db.Resources.AsNoTracking().Where(r => placeIds.Contains(r.LocationId) && r.IsActive)
                .GroupBy(r => new { r.LocationId, r.Kind })
                .Select(g => new { g.Key.LocationId, g.Key.Kind, Capacity = g.Sum(r => r.Capacity), Count = g.Count() })
                .ToListAsync(ct))
            .Select(g => new Seats(g.LocationId, g.Kind, g.Kind == ResourceKind.HotDeskZone ? g.Capacity : g.Count))
            .ToList();

        var today = await TodayAsync(places, seats, now, ct);
        var pending = await PendingCountAsync(locations, ct);
        var next7 = await ByKindAsync(places, seats, now, 7, ct);
        var next30 = await ByKindAsync(places, seats, now, 30, ct);
        var weeks = await WeeksAsync(places, seats, now, ct);
        var counts = await CountsAsync(scope, ct);
        return new DashboardResponse(locationId, now, today, pending, next7, next30, weeks, counts);
    }

    private async Task<DashboardCounts> CountsAsync(AccessScope scope, CancellationToken ct)
    {
        // The same sets as the lists' totals (/admin/locations, resources, members, companies): inactive records included.
        var locations = db.Locations.VisibleTo(scope);
        var resources = db.Resources.VisibleTo(db, scope);
        var members = db.Members.VisibleTo(scope);
        var companies = db.Companies.VisibleTo(scope);
        return new DashboardCounts(
            await locations.CountAsync(ct), await locations.CountAsync(x => x.IsActive, ct),
            await resources.CountAsync(ct), await resources.CountAsync(x => x.IsActive, ct),
            await members.CountAsync(ct), await members.CountAsync(x => x.IsActive, ct),
            await companies.CountAsync(ct), await companies.CountAsync(x => x.IsActive, ct));
    }

    private async Task<TodayFigures> TodayAsync(List<Place> places, List<Seats> seats, DateTime now, CancellationToken ct)
    {
        var ids = places.Select(p => p.Id).ToList();
        var totalSeats = seats.Sum(s => s.Count);
        var (from, to) = (now.AddHours(-40), now.AddHours(40));
        var rows = await db.Bookings.AsNoTracking()
            .Where(b => ids.Contains(b.LocationId) && b.Start < to && b.End > from)
            .Where(b => b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.Released)
            .Select(b => new { b.LocationId, b.Start, b.End, b.Status, b.MemberId, b.CheckedInAt })
            .ToListAsync(ct);
        var taken = rows.Count(b => b.Status == BookingStatus.Confirmed && b.Start <= now && b.End > now);
        var (booked, open) = (0.0, 0.0);
        var (expected, checkedIn, noShows) = (0, 0, 0);
        foreach (var place in places)
        {
            var day = DateOnly.FromDateTime(WallClock.ToLocal(now, place.Zone));
            var (dayStart, dayEnd) = DayBounds(place, day);
            var todays = rows.Where(b => b.LocationId == place.Id && DateOnly.FromDateTime(WallClock.ToLocal(b.Start, place.Zone)) == day).ToList();
            var confirmed = todays.Where(b => b.Status == BookingStatus.Confirmed).ToList();
            expected += confirmed.Select(b => b.MemberId).Distinct().Count();
            checkedIn += confirmed.Where(b => b.CheckedInAt != null).Select(b => b.MemberId).Distinct().Count();
            noShows += todays.Count(b => b.Status == BookingStatus.Released);
            booked += rows.Where(b => b.LocationId == place.Id && b.Status == BookingStatus.Confirmed).Sum(b => Hours(b.Start, b.End, dayStart, dayEnd));
            open += OpenHours(place, dayStart, dayEnd) * seats.Where(s => s.LocationId == place.Id).Sum(s => s.Count);
        }
        var occupancyNow = totalSeats == 0 ? (int?)null : (int)Math.Round(100.0 * taken / totalSeats, MidpointRounding.AwayFromZero);
        return new TodayFigures(taken, totalSeats, occupancyNow, Math.Round(booked, 2), Math.Round(open, 2), new Occupancy(booked, open).Percent, expected, checkedIn, noShows);
    }

    private async Task<IReadOnlyList<KindOccupancy>> ByKindAsync(List<Place> places, List<Seats> seats, DateTime now, int days, CancellationToken ct)
    {
        var windows = places.ToDictionary(p => p.Id, p =>
        {
            var day = DateOnly.FromDateTime(WallClock.ToLocal(now, p.Zone));
            return (Start: DayBounds(p, day).Start, End: DayBounds(p, day.AddDays(days - 1)).End);
        });
        var slots = await SlotsAsync(places, windows.Values.Min(w => (DateTime?)w.Start), windows.Values.Max(w => (DateTime?)w.End), ct);
        var booked = new Dictionary<ResourceKind, double>();
        foreach (var slot in slots)
        {
            var (start, end) = windows[slot.LocationId];
            booked[slot.Kind] = booked.GetValueOrDefault(slot.Kind) + slot.Count * Hours(slot.Start, slot.End, start, end);
        }
        return [.. Enum.GetValues<ResourceKind>()
            .Select(kind =>
            {
                var open = places.Sum(p => OpenHours(p, windows[p.Id].Start, windows[p.Id].End) * seats.Where(s => s.LocationId == p.Id && s.Kind == kind).Sum(s => s.Count));
                var hours = booked.GetValueOrDefault(kind);
                return new KindOccupancy(kind, seats.Where(s => s.Kind == kind).Sum(s => s.Count), Math.Round(hours, 2), Math.Round(open, 2), new Occupancy(hours, open).Percent);
            })
            .Where(k => k.Seats > 0 || k.BookedHours > 0)];
    }

    private async Task<IReadOnlyList<WeekOccupancy>> WeeksAsync(List<Place> places, List<Seats> seats, DateTime now, CancellationToken ct)
    {
        // The 12 whole weeks (Monday to Sunday, local time) before the current one.
        var mondays = places.ToDictionary(p => p.Id, p =>
        {
            var day = DateOnly.FromDateTime(WallClock.ToLocal(now, p.Zone));
            return Weeks.MondayOf(day).AddDays(-7 * WeekCount);
        });
        var today = DateOnly.FromDateTime(now);
        var reference = places.Count > 0 ? mondays[places[0].Id] : Weeks.MondayOf(today).AddDays(-7 * WeekCount);
        var weeks = Enumerable.Range(0, WeekCount).Select(i => (WeekOf: reference.AddDays(7 * i), Booked: 0.0, Open: 0.0)).ToArray();
        var bounds = places.ToDictionary(p => p.Id, p => Enumerable.Range(0, WeekCount + 1).Select(i => DayBounds(p, mondays[p.Id].AddDays(7 * i)).Start).ToArray());
        var slots = await SlotsAsync(places, bounds.Values.Min(b => (DateTime?)b[0]), bounds.Values.Max(b => (DateTime?)b[WeekCount]), ct);
        foreach (var place in places)
        {
            var b = bounds[place.Id];
            var placeSeats = seats.Where(s => s.LocationId == place.Id).Sum(s => s.Count);
            for (var i = 0; i < WeekCount; i++)
            {
                weeks[i].Open += OpenHours(place, b[i], b[i + 1]) * placeSeats;
                weeks[i].Booked += slots.Where(s => s.LocationId == place.Id).Sum(s => s.Count * Hours(s.Start, s.End, b[i], b[i + 1]));
            }
        }
        return [.. weeks.Select(w => new WeekOccupancy(w.WeekOf, Math.Round(w.Booked, 2), Math.Round(w.Open, 2), new Occupancy(w.Booked, w.Open).Percent))];
    }

    private sealed record Slot(Guid LocationId, ResourceKind Kind, DateTime Start, DateTime End, int Count);

    /// Confirmed bookings overlapping [from, to), summed in SQL: one row per location, kind and slot.
    private async Task<List<Slot>> SlotsAsync(List<Place> places, DateTime? from, DateTime? to, CancellationToken ct)
    {
        if (from is null || to is null)
        {
            return [];
        }
        var ids = places.Select(p => p.Id).ToList();
        var rows = await db.Bookings.AsNoTracking()
            .Where(b => ids.Contains(b.LocationId) && b.Status == BookingStatus.Confirmed && b.Start < to && b.End > from)
            .GroupBy(b => new { b.LocationId, b.Kind, b.Start, b.End })
            .Select(g => new { g.Key.LocationId, g.Key.Kind, g.Key.Start, g.Key.End, Count = g.Count() })
            .ToListAsync(ct);
        return [.. rows.Select(r => new Slot(r.LocationId, r.Kind, r.Start, r.End, r.Count))];
    }

    private static double Hours(DateTime start, DateTime end, DateTime from, DateTime to)
    {
        var (s, e) = (start > from ? start : from, end < to ? end : to);
        return e > s ? (e - s).TotalHours : 0;
    }

    /// A local day's start and end as UTC instants.
    private static (DateTime Start, DateTime End) DayBounds(Place place, DateOnly day) =>
        (ToUtc(day.ToDateTime(TimeOnly.MinValue), place.Zone), ToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue), place.Zone));

    /// The hours the place is open within [from, to) (UTC), day by day in local time; a place without
    /// opening hours counts as always open, a closed day as shut.
    private static double OpenHours(Place place, DateTime from, DateTime to)
    {
        var total = 0.0;
        var first = DateOnly.FromDateTime(WallClock.ToLocal(from, place.Zone));
        var last = DateOnly.FromDateTime(WallClock.ToLocal(to, place.Zone));
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            if (place.Closed.Contains(day))
            {
                continue;
            }
            if (place.AlwaysOpen)
            {
                var (s, e) = DayBounds(place, day);
                total += Hours(s, e, from, to);
                continue;
            }
            foreach (var period in place.Hours[day.DayOfWeek])
            {
                total += Hours(ToUtc(day.ToDateTime(period.Opens), place.Zone), ToUtc(day.ToDateTime(period.Closes), place.Zone), from, to);
            }
        }
        return total;
    }

    /// A wall-clock time as UTC; a time skipped by a clock change counts from the change.
    private static DateTime ToUtc(DateTime local, TimeZoneInfo zone)
    {
        var wall = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(wall))
        {
            wall = wall.AddMinutes(15);
        }
        return TimeZoneInfo.ConvertTimeToUtc(wall, zone);
    }
}
