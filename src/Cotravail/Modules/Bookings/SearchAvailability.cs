using Cotravail.Common;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Modules.Resources;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Bookings;

/// Which resources are free for a slot given in each location's own wall-clock time, in one location
/// or across the network. The candidates and their locations' rules come from the in-memory
/// ResourceCatalog; one query fetches the active bookings touching the slot; the rules run in memory.
internal static class SearchAvailability
{
    /// Start and end are local times ("2026-12-01T14:00"); amenities and accessibility are comma-separated
    /// names (all required); maxPrice is in the currency's major unit, for the whole slot.
    internal sealed record Query(
        string? Start, string? End, Guid? LocationId, string? Kind, int? Capacity, string? Amenities, string? Accessibility,
        decimal? MaxPrice, bool? Explain);

    internal sealed record Option(
        Guid ResourceId, string Name, ResourceKind Kind, int Capacity, Guid LocationId, string LocationName, string LocationSlug,
        decimal? Price, string Currency, int? FreeSeats, Unavailability? Reason);

    internal sealed record Response(DateTime LocalStart, DateTime LocalEnd, IReadOnlyList<Option> Available, IReadOnlyList<Option> Unavailable);

    private sealed record Filters(DateTime Start, DateTime End, ResourceKind? Kind, Amenity Amenities, Accessibility Accessibility, long? MaxCents);

    public static async Task<Result<Response>> HandleAsync(Query query, AppDb db, AccessScope scope, TimeProvider clock, CancellationToken ct)
    {
        var parsed = Parse(query);
        if (!parsed.IsOk)
        {
            return parsed.Error;
        }
        var f = parsed.Value;
        var catalog = await ResourceCatalog.GetAsync(db, ct);
        var resources = (f.Kind is { } wanted ? catalog.OfKind[wanted] : catalog.Resources).Where(r => (query.LocationId is not { } only || r.LocationId == only)
            && (f.Kind is not { } kind || r.Kind == kind)
            && (query.Capacity is not { } people || r.Capacity >= people)
            && (r.Amenities & f.Amenities) == f.Amenities
            && (r.Accessibility & f.Accessibility) == f.Accessibility).ToList();
        if (resources.Count == 0)
        {
            return new Response(f.Start, f.End, [], []);
        }
        var day = DateOnly.FromDateTime(f.Start);
        var locations = resources.Select(r => r.LocationId).Distinct().ToDictionary(id => id, id => catalog.Locations[id]);
        // Per time zone, not per location: a network has thousands of locations and a handful of zones.
        var zones = locations.Values.Select(l => l.Zone).DistinctBy(z => z.Id).ToList();
        var slotIn = zones.ToDictionary(z => z.Id, z => UtcSlot(z, f.Start, f.End));
        var slots = locations.Values.ToDictionary(l => l.Id, l => slotIn[l.Zone.Id]);
        var known = slots.Values.Where(s => s.HasValue).Select(s => s!.Value).ToList();
        var taken = (known.Count == 0 ? [] : await OverlapsAsync(db, resources, known, ct)).ToLookup(b => b.ResourceId);
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        // Assignments: desks and offices assigned during the slot (no query when none is a candidate).
        var assigned = known.Count == 0 ? null : await Assignments.AssignmentHolds.PeriodsAsync(db, resources, known.Min(s => s.Start), known.Max(s => s.End), ct);
        var nowIn = zones.ToDictionary(z => z.Id, z => WallClock.ToLocal(nowUtc, z));
        var localNows = locations.Values.ToDictionary(l => l.Id, l => nowIn[l.Zone.Id]);
        var rules = locations.Values.ToDictionary(l => l.Id, l => l.RulesOf(day));

        var member = scope.MemberId is not null;
        var (available, unavailable) = (new List<Option>(), new List<Option>());
        foreach (var resource in resources)
        {
            var location = locations[resource.LocationId];
            var price = Price(resource, member, f.End - f.Start);
            if (f.MaxCents is { } max && (price is null || price > max))
            {
                continue;
            }
            var reason = slots[location.Id] is null ? Unavailability.Closed
                : Bookability.Check(resource.Policy, rules[location.Id].Hours, rules[location.Id].Closed, f.Start, f.End, localNows[location.Id]);
            int? free = null;
            if (reason is null)
            {
                var slot = slots[location.Id]!.Value.Widen(resource.Policy.Setup, resource.Policy.Cleanup);
                var busySeats = taken[resource.Id].Where(b => b.BlockStart < slot.End && slot.Start < b.BlockEnd)
                    .Select(b => b.Seat).Distinct().Count();
                var seats = resource.Kind == ResourceKind.HotDeskZone ? resource.Capacity : 1;
                reason = busySeats >= seats ? Unavailability.Taken : null;
                if (reason is null && assigned is not null && assigned[resource.Id].Any(p => p.Overlaps(slots[location.Id]!.Value.Start, slots[location.Id]!.Value.End)))
                {
                    reason = Unavailability.Assigned;
                }
                free = resource.Kind == ResourceKind.HotDeskZone ? seats - busySeats : null;
            }
            var option = new Option(
                resource.Id, resource.Name, resource.Kind, resource.Capacity, location.Id, location.Name, location.Slug,
                price / 100m, location.Currency, free, reason);
            (reason is null ? available : unavailable).Add(option);
        }
        var ranks = catalog.RanksFor(System.Globalization.CultureInfo.CurrentCulture);
        return new Response(f.Start, f.End, Ordered(available, ranks), query.Explain == true ? Ordered(unavailable, ranks) : []);
    }

    /// By location name then resource name in the reader's culture, from the catalog's ranks (sorted once
    /// per culture, not on every search: culture-aware comparisons are slow).
    private static List<Option> Ordered(List<Option> options, ResourceCatalog.Ranks ranks) =>
        [.. options.OrderBy(o => ranks.Location[o.LocationId]).ThenBy(o => ranks.Resource[o.ResourceId]).ThenBy(o => o.ResourceId)];

    private sealed record Busy(Guid ResourceId, int Seat, DateTime BlockStart, DateTime BlockEnd);

    /// A booking lies within one opening period of one local day (Bookability: at most 25 hours on the
    /// day clocks go back), so with its set-up and clean-up it blocks less than this: a booking that
    /// overlaps a slot starts at most this long before it. The bound keeps the search on a short range of
    /// the (ResourceId, BlockStart) index instead of every past booking of each candidate.
    internal static readonly TimeSpan LongestBlock = TimeSpan.FromDays(2);

    /// Above this many candidates, the bookings touching the slot are read by time alone (the covering
    /// index IX_Bookings_Active_BlockStart) and kept for the candidates in memory; below, per resource.
    internal const int ByTimeFrom = 64;

    /// The active bookings of the candidates that touch the widest slot (time zones and buffers included).
    private static async Task<List<Busy>> OverlapsAsync(AppDb db, List<Resource> resources, List<TimeSlot> slots, CancellationToken ct)
    {
        var from = slots.Min(s => s.Start) - TimeSpan.FromMinutes(resources.Max(r => r.Policy.SetupMinutes));
        var to = slots.Max(s => s.End) + TimeSpan.FromMinutes(resources.Max(r => r.Policy.CleanupMinutes));
        // A booking blocks at most its resource's longest duration plus buffers (an hour more for a clock
        // change), never more than LongestBlock; a booking made under a longer former limit could be
        // missed, showing a slot the booking then refuses (409), never the reverse.
        var longest = TimeSpan.FromMinutes(resources.Max(r => r.Policy.MaxMinutes + r.Policy.SetupMinutes + r.Policy.CleanupMinutes) + 60);
        var earliest = from - (longest < LongestBlock ? longest : LongestBlock);
        var active = db.Bookings.AsNoTracking().Where(b => earliest < b.BlockStart && b.BlockStart < to && from < b.BlockEnd
            && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Confirmed));
        List<Busy> rows;
        if (resources.Count < ByTimeFrom)
        {
            var ids = resources.Select(r => r.Id).ToList();
            rows = await active.Where(b => EF.Parameter(ids).Contains(b.ResourceId))
                .Select(b => new Busy(b.ResourceId, b.Seat, b.BlockStart, b.BlockEnd)).ToListAsync(ct);
        }
        else
        {
            var ids = resources.Select(r => r.Id).ToHashSet();
            rows = [];
            await foreach (var b in active.Select(b => new Busy(b.ResourceId, b.Seat, b.BlockStart, b.BlockEnd)).AsAsyncEnumerable().WithCancellation(ct))
            {
                if (ids.Contains(b.ResourceId))
                {
                    rows.Add(b);
                }
            }
        }
        return [.. rows.Select(b => b with
        {
            BlockStart = DateTime.SpecifyKind(b.BlockStart, DateTimeKind.Utc),
            BlockEnd = DateTime.SpecifyKind(b.BlockEnd, DateTimeKind.Utc),
        })];
    }

    /// The local slot as UTC instants in this location's zone; null when a time does not exist there.
    /// A time that happens twice (clocks going back) is read as its first occurrence.
    internal static TimeSlot? UtcSlot(TimeZoneInfo zone, DateTime localStart, DateTime localEnd)
    {
        DateTime? Utc(DateTime local) => zone.IsInvalidTime(local) ? null
            : zone.IsAmbiguousTime(local) ? DateTime.SpecifyKind(local - zone.GetAmbiguousTimeOffsets(local).Max(), DateTimeKind.Utc)
            : TimeZoneInfo.ConvertTimeToUtc(local, zone);
        return Utc(localStart) is { } start && Utc(localEnd) is { } end && end > start ? new TimeSlot(start, end) : null;
    }

    private static long? Price(Resource resource, bool member, TimeSpan duration)
    {
        var r = resource.Rates;
        var card = member ? new RateCard(r.MemberHourly, r.MemberHalfDay, r.MemberDay) : new RateCard(r.NonMemberHourly, r.NonMemberHalfDay, r.NonMemberDay);
        return BookingPrice.ForOneDay(duration, card);
    }

    private static Result<Filters> Parse(Query query)
    {
        if (!LocalTimeText.TryParse(query.Start, out var start, out _))
        {
            return new Invalid("start", BookingMessages.NotATime);
        }
        if (!LocalTimeText.TryParse(query.End, out var end, out _))
        {
            return new Invalid("end", BookingMessages.NotATime);
        }
        if (end <= start)
        {
            return new Invalid("end", BookingMessages.TooShort);
        }
        ResourceKind? kind = null;
        if (!string.IsNullOrWhiteSpace(query.Kind))
        {
            if (!Enum.TryParse<ResourceKind>(query.Kind, true, out var k) || !Enum.IsDefined(k))
            {
                return new Invalid("kind", AvailabilityMessages.NotAChoice);
            }
            kind = k;
        }
        if (query.Capacity is < 1 or > 10_000)
        {
            return new Invalid("capacity", AvailabilityMessages.OutOfRange);
        }
        if (query.MaxPrice is < 0 or > 1_000_000)
        {
            return new Invalid("maxPrice", AvailabilityMessages.OutOfRange);
        }
        if (!TryFlags<Amenity>(query.Amenities, out var amenities))
        {
            return new Invalid("amenities", AvailabilityMessages.NotAChoice);
        }
        if (!TryFlags<Accessibility>(query.Accessibility, out var accessibility))
        {
            return new Invalid("accessibility", AvailabilityMessages.NotAChoice);
        }
        return new Filters(start, end, kind, amenities, accessibility, query.MaxPrice is { } p ? (long)Math.Round(p * 100) : null);
    }

    private static bool TryFlags<T>(string? text, out T value)
        where T : struct, Enum
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        var names = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var all = Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
        foreach (var name in names)
        {
            if (long.TryParse(name, out _) || !Enum.TryParse<T>(name, true, out var flag))
            {
                return false;
            }
            all |= Convert.ToInt64(flag, System.Globalization.CultureInfo.InvariantCulture);
        }
        value = (T)Enum.ToObject(typeof(T), all);
        return true;
    }
}
