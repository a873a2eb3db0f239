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
internal static partial class SearchAvailability
{
    /// Start and end are local times ("2026-12-01T14:00"); amenities and accessibility are comma-separated
    /// names (all required); maxPrice is in the currency's major unit, for the whole slot. The answer
    /// comes a page at a time (page from 1, pageSize 25 by default, at most 100), sorted by location
    /// then resource name; each list is paged alike and counted in full. ResourceId asks about one resource.
    internal sealed record Query(
        string? Start, string? End, Guid? LocationId, string? Kind, int? Capacity, string? Amenities, string? Accessibility,
        decimal? MaxPrice, bool? Explain, int? Page = null, int? PageSize = null, Guid? ResourceId = null);

    internal sealed record Option(
        Guid ResourceId, string Name, ResourceKind Kind, int Capacity, Guid LocationId, string LocationName, string LocationSlug,
        decimal? Price, string Currency, int? FreeSeats, Unavailability? Reason);

    /// One page of each list (Unavailable only with explain), and how many there are in all.
    internal sealed record Response(
        DateTime LocalStart, DateTime LocalEnd, IReadOnlyList<Option> Available, IReadOnlyList<Option> Unavailable,
        int Page, int PageSize, int AvailableCount, int UnavailableCount)
    {
        public int PageCount => Math.Max(1, (Math.Max(AvailableCount, UnavailableCount) + PageSize - 1) / PageSize);

        /// When nothing is free: the next slots of the same length where something matching is (NextFreeAsync).
        public IReadOnlyList<NextFreeSlot>? NextFree { get; init; }
    }

    private sealed record Filters(DateTime Start, DateTime End, ResourceKind? Kind, Amenity Amenities, Accessibility Accessibility, long? MaxCents);

    public static async Task<Result<Response>> HandleAsync(Query query, AppDb db, CatalogCache catalogs, AccessScope scope, TimeProvider clock, CancellationToken ct)
    {
        var parsed = Parse(query);
        if (!parsed.IsOk)
        {
            return parsed.Error;
        }
        var f = parsed.Value;
        var page = PageRequest.Of(query.Page, query.PageSize);
        var catalog = await catalogs.GetAsync(db, ct);
        var candidates = Candidates(catalog, query, f);
        if (candidates.Count == 0)
        {
            return new Response(f.Start, f.End, [], [], page.Page, page.PageSize, 0, 0);
        }

        // The slot, the local "now" and the opening hours once per location (per time zone for the first two:
        // a network has thousands of locations and a handful of zones).
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        var zones = new Dictionary<string, (TimeSlot? Slot, DateTime LocalNow)>(StringComparer.Ordinal);
        var places = new Place?[catalog.Locations.Length]; // by location number: no large dictionary per search
        Place PlaceOf(CatalogLocation location)
        {
            if (places[location.Index] is { } place)
            {
                return place;
            }
            if (!zones.TryGetValue(location.Zone.Id, out var zone))
            {
                zones[location.Zone.Id] = zone = (UtcSlot(location.Zone, f.Start, f.End), WallClock.ToLocal(nowUtc, location.Zone));
            }
            return places[location.Index] = new Place(zone.Slot, zone.LocalNow, zone.Slot is null ? Unavailability.Closed : location.HoursFor(f.Start, f.End));
        }

        // The rules that need no other booking, in memory; those that pass are checked against the bookings.
        var member = scope.MemberId is not null;
        var checkedOnes = new List<Checked>(candidates.Count);
        var open = new List<int>(candidates.Count);
        foreach (var resource in candidates)
        {
            // priced and checked on the time that really passes in the resource's zone (an hour less or more the nights the clocks change)
            var place = PlaceOf(catalog.Locations[resource.LocationIndex]);
            var elapsed = place.Slot?.Duration ?? f.End - f.Start;
            var price = BookingPrice.ForOneDay(elapsed, member ? resource.MemberRates : resource.NonMemberRates);
            if (f.MaxCents is { } max && (price is null || price > max))
            {
                continue;
            }
            var reason = place.Slot is null ? Unavailability.Closed
                : Bookability.CheckPolicy(resource.Policy, f.Start, f.End, elapsed, place.LocalNow) ?? place.Hours
                    ?? (resource.OwnHours.Count == 0 ? null : catalog.Locations[resource.LocationIndex].HoursFor(f.Start, f.End, resource.OwnHours));
            if (reason is null)
            {
                open.Add(checkedOnes.Count);
            }
            checkedOnes.Add(new Checked(resource, place.Slot, price, reason));
        }
        if (open.Count > 0)
        {
            await TakenAsync(db, catalog, checkedOnes, open, ct);
        }

        // Sorted by position alone; options are made for the page only (a network-wide answer has thousands).
        var order = catalog.OrderFor(System.Globalization.CultureInfo.CurrentCulture);
        var available = checkedOnes.Where(c => c.Reason is null).ToList();
        var unavailable = query.Explain == true ? checkedOnes.Where(c => c.Reason is not null).ToList() : [];
        return new Response(
            f.Start, f.End, PageOf(available, order, page, catalog), PageOf(unavailable, order, page, catalog),
            page.Page, page.PageSize, available.Count, unavailable.Count);
    }

    /// The page's options of a list, in the catalog's order for the reader's culture.
    private static Option[] PageOf(List<Checked> list, int[] order, PageRequest page, ResourceCatalog catalog)
    {
        var keys = new int[list.Count];
        var items = list.ToArray();
        for (var i = 0; i < items.Length; i++)
        {
            keys[i] = order[items[i].Resource.Index];
        }
        Array.Sort(keys, items);
        return [.. items.Skip(page.Offset).Take(page.PageSize).Select(c =>
        {
            var location = catalog.Locations[c.Resource.LocationIndex];
            return new Option(
                c.Resource.Id, c.Resource.Name, c.Resource.Kind, c.Resource.Capacity, location.Id, location.Name, location.Slug,
                c.Price / 100m, location.Currency, c.Resource.Kind == ResourceKind.HotDeskZone && c.Reason is null ? c.Resource.Seats - c.BusySeats : null, c.Reason);
        })];
    }

    /// The active resources that match the filters: one location's, one kind's or all, scanned in memory.
    private static List<CatalogResource> Candidates(ResourceCatalog catalog, Query query, Filters f)
    {
        int[] pool = query.ResourceId is { } one ? (catalog.ResourceIndex.TryGetValue(one, out var number) ? [number] : [])
            : query.LocationId is { } only
            ? catalog.LocationIndex.TryGetValue(only, out var at) && catalog.AtLocation.TryGetValue(at, out var here) ? here : []
            : f.Kind is { } wanted ? catalog.OfKind[wanted] : catalog.All;
        var people = query.Capacity ?? 0;
        var candidates = new List<CatalogResource>();
        foreach (var i in pool)
        {
            var r = catalog.Resources[i];
            if ((f.Kind is not { } kind || r.Kind == kind) && r.Capacity >= people
                && (r.Amenities & f.Amenities) == f.Amenities && (r.Accessibility & f.Accessibility) == f.Accessibility)
            {
                candidates.Add(r);
            }
        }
        return candidates;
    }

    /// A location's slot in UTC (null when the local time does not exist there), local now, and whether it is open.
    private sealed record Place(TimeSlot? Slot, DateTime LocalNow, Unavailability? Hours);

    /// A candidate with its price and the first rule it breaks; the bookings met fill in Taken or Assigned.
    private sealed class Checked(CatalogResource resource, TimeSlot? slot, long? price, Unavailability? reason)
    {
        public CatalogResource Resource { get; } = resource;

        /// The slot in UTC, without the resource's buffers.
        public TimeSlot? Slot { get; } = slot;

        public long? Price { get; } = price;

        public Unavailability? Reason { get; set; } = reason;

        public int BusySeats { get; set; }

        /// The seats taken (hot-desk zones only: one seat resources just count).
        public HashSet<int>? Seats { get; set; }
    }

    /// A booking lies within one opening period of one local day (Bookability: at most 25 hours on the
    /// day clocks go back), so with its set-up and clean-up it blocks less than this, which the database
    /// enforces (migration 0022): a booking that overlaps a slot starts at most this long before it. The
    /// bound keeps the search on a short range of the index instead of every past booking of each candidate.
    internal static readonly TimeSpan LongestBlock = TimeSpan.FromDays(2);

    /// Above this many candidates, the bookings of their kinds touching the slot are read by kind and time
    /// (the covering index IX_Bookings_Active_Kind_BlockStart) and kept for the candidates in memory;
    /// below, per resource.
    internal const int ByTimeFrom = 64;

    /// Marks the open candidates that active bookings (or assignments) hold during their slot, buffers
    /// included: one query for the bookings touching the widest slot (time zones and buffers included),
    /// read straight from the data reader (a network-wide search meets thousands of rows).
    /// The open candidates are found by resource number in a pooled array: a dictionary of thousands of
    /// them per search would land on the large object heap and cost full garbage collections.
    private static async Task TakenAsync(AppDb db, ResourceCatalog catalog, List<Checked> checkedOnes, List<int> open, CancellationToken ct)
    {
        var byNumber = System.Buffers.ArrayPool<Checked?>.Shared.Rent(catalog.Resources.Length);
        try
        {
            Array.Clear(byNumber, 0, catalog.Resources.Length);
            await TakenAsync(db, catalog, checkedOnes, open, byNumber, ct);
        }
        finally
        {
            Array.Clear(byNumber, 0, catalog.Resources.Length);
            System.Buffers.ArrayPool<Checked?>.Shared.Return(byNumber);
        }
    }

    private static async Task TakenAsync(AppDb db, ResourceCatalog catalog, List<Checked> checkedOnes, List<int> open, Checked?[] byNumber, CancellationToken ct)
    {
        var (from, to, longest) = (DateTime.MaxValue, DateTime.MinValue, 0);
        foreach (var c in open.Select(i => checkedOnes[i]))
        {
            byNumber[c.Resource.Index] = c;
            var policy = c.Resource.Policy;
            from = Min(from, c.Slot!.Value.Start - policy.Setup);
            to = Max(to, c.Slot.Value.End + policy.Cleanup);
            longest = Math.Max(longest, policy.MaxMinutes + policy.SetupMinutes + policy.CleanupMinutes);
        }
        // A booking blocks at most its resource's longest duration plus buffers (an hour more for a clock
        // change), never more than LongestBlock; a booking made under a longer former limit could be
        // missed, showing a slot the booking then refuses (409), never the reverse.
        var reach = TimeSpan.FromMinutes(longest + 60);
        var earliest = from - (reach < LongestBlock ? reach : LongestBlock);
        var active = db.Bookings.AsNoTracking().Where(b => earliest < b.BlockStart && b.BlockStart < to && from < b.BlockEnd
            && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Confirmed));
        // Only the candidates' kinds: the index is led by the kind, and a search is mostly for one.
        var kinds = open.Select(i => checkedOnes[i].Resource.Kind).Distinct().ToList();
        active = kinds.Count == 1 && kinds[0] is var kind ? active.Where(b => b.Kind == kind) : active.Where(b => kinds.Contains(b.Kind));
        if (open.Count < ByTimeFrom)
        {
            var ids = open.Select(i => checkedOnes[i].Resource.Id).ToList();
            active = active.Where(b => EF.Parameter(ids).Contains(b.ResourceId));
        }
        await using (var command = active.Select(b => new { b.ResourceId, b.Seat, b.BlockStart, b.BlockEnd }).CreateDbCommand())
        {
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    if (!catalog.ResourceIndex.TryGetValue(reader.GetGuid(0), out var number) || byNumber[number] is not { Reason: null } c)
                    {
                        continue;
                    }
                    var (blockStart, blockEnd) = (reader.GetDateTime(2), reader.GetDateTime(3));
                    var policy = c.Resource.Policy;
                    if (blockStart.Ticks >= (c.Slot!.Value.End + policy.Cleanup).Ticks || (c.Slot.Value.Start - policy.Setup).Ticks >= blockEnd.Ticks)
                    {
                        continue;
                    }
                    if (c.Resource.Seats == 1)
                    {
                        (c.BusySeats, c.Reason) = (1, Unavailability.Taken);
                    }
                    else if ((c.Seats ??= []).Add(reader.GetInt32(1)) && (c.BusySeats = c.Seats.Count) >= c.Resource.Seats)
                    {
                        c.Reason = Unavailability.Taken;
                    }
                }
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }

        // Assignments: desks and offices assigned during the slot (no query when none is a candidate).
        var assignable = open.Select(i => checkedOnes[i]).Where(c => c.Reason is null && Assignments.AssignmentHolds.Assignable(c.Resource.Kind)).ToList();
        if (assignable.Count > 0)
        {
            var periods = await Assignments.AssignmentHolds.PeriodsAsync(db, assignable.Select(c => c.Resource.Id).ToList(), from, to, ct);
            foreach (var c in assignable.Where(c => periods[c.Resource.Id].Any(p => p.Overlaps(c.Slot!.Value.Start, c.Slot.Value.End))))
            {
                c.Reason = Unavailability.Assigned;
            }
        }
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    /// The local slot as UTC instants in this location's zone; null when a time does not exist there.
    /// A time that happens twice (clocks going back) is read as its first occurrence.
    internal static TimeSlot? UtcSlot(TimeZoneInfo zone, DateTime localStart, DateTime localEnd)
    {
        DateTime? Utc(DateTime local) => zone.IsInvalidTime(local) ? null
            : zone.IsAmbiguousTime(local) ? DateTime.SpecifyKind(local - zone.GetAmbiguousTimeOffsets(local).Max(), DateTimeKind.Utc)
            : TimeZoneInfo.ConvertTimeToUtc(local, zone);
        return Utc(localStart) is { } start && Utc(localEnd) is { } end && end > start ? new TimeSlot(start, end) : null;
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
