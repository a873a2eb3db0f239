using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;

namespace Cotravail.Modules.Bookings;

/// One later slot of the asked length (local times) where matching resources are free, with the first few of them.
internal sealed record NextFreeSlot(DateTime Start, DateTime End, int AvailableCount, IReadOnlyList<SearchAvailability.Option> Resources);

/// When a search finds nothing free, the next slots that have something (issue 14), and the slot a search
/// page opens on. Each later slot is asked of HandleAsync itself, so that opening hours, closed days, the
/// resources' rules, buffers, bookings and assignments count exactly as in a search; a slot where no
/// candidate is open costs no query (HandleAsync only reads the bookings of the open ones).
internal static partial class SearchAvailability
{
    /// How many later slots are offered.
    public const int NextFreeCount = 5;

    /// How many days after the asked one are looked at.
    public const int NextFreeDays = 14;

    /// Later slots start on these steps (the search page's time fields step by half an hour).
    public static readonly TimeSpan NextFreeStep = TimeSpan.FromMinutes(30);

    /// How many free resources each later slot names.
    private const int ResourcesPerSlot = 3;

    /// The search, and when nothing is free, up to NextFreeCount later slots in NextFree.
    public static async Task<Result<Response>> HandleWithNextFreeAsync(
        Query query, AppDb db, CatalogCache catalogs, AccessScope scope, TimeProvider clock, CancellationToken ct)
    {
        var found = await HandleAsync(query, db, catalogs, scope, clock, ct);
        if (!found.IsOk || found.Value.AvailableCount > 0)
        {
            return found;
        }
        return found.Value with { NextFree = await NextFreeAsync(query, db, catalogs, scope, clock, ct) };
    }

    /// Up to NextFreeCount slots of the query's length, starting after its start on NextFreeStep boundaries (the
    /// rest of the day, then the following NextFreeDays days, each slot within one local day), where at least one
    /// resource matching the query's filters is free; in time order. Empty when the query is invalid or
    /// nothing matches its filters at all.
    public static async Task<IReadOnlyList<NextFreeSlot>> NextFreeAsync(
        Query query, AppDb db, CatalogCache catalogs, AccessScope scope, TimeProvider clock, CancellationToken ct)
    {
        var parsed = Parse(query);
        if (!parsed.IsOk)
        {
            return [];
        }
        var f = parsed.Value;
        var length = f.End - f.Start;
        // A slot lies within one day (Bookability); and the days looked at must exist (year 9999).
        if (length > TimeSpan.FromDays(1) || f.Start > DateTime.MaxValue.AddDays(-(NextFreeDays + 2))
            || Candidates(await catalogs.GetAsync(db, ct), query, f).Count == 0)
        {
            return [];
        }
        var slots = new List<NextFreeSlot>();
        var last = f.Start.Date.AddDays(NextFreeDays + 1);
        for (var start = NextBoundary(f.Start, after: true); start < last && slots.Count < NextFreeCount; start += NextFreeStep)
        {
            var end = start + length;
            if (end > start.Date.AddDays(1))
            {
                start = start.Date.AddDays(1) - NextFreeStep; // the rest of this day is too short: the next one
                continue;
            }
            var probe = query with { Start = Text(start), End = Text(end), Explain = false, Page = 1, PageSize = ResourcesPerSlot };
            var found = await HandleAsync(probe, db, catalogs, scope, clock, ct);
            if (found.IsOk && found.Value.AvailableCount > 0)
            {
                slots.Add(new NextFreeSlot(start, end, found.Value.AvailableCount, found.Value.Available));
            }
        }
        return slots;
    }

    /// The slot of this length a search page opens on at a location: from the next NextFreeStep boundary of its
    /// local now, the first within its opening hours on a day it is open (its next opening when closed now);
    /// null when there is none in NextFreeDays days.
    public static (DateTime Start, DateTime End)? NextOpenSlot(CatalogLocation location, DateTime nowUtc, TimeSpan length)
    {
        var now = WallClock.ToLocal(nowUtc, location.Zone);
        var last = now.Date.AddDays(NextFreeDays + 1);
        for (var start = NextBoundary(now, after: false); start < last; start += NextFreeStep)
        {
            var end = start + length;
            if (location.HoursFor(start, end) is null && UtcSlot(location.Zone, start, end) is not null)
            {
                return (start, end);
            }
        }
        return null;
    }

    /// The first step boundary at or (after: true) strictly after a local time.
    private static DateTime NextBoundary(DateTime local, bool after)
    {
        var step = NextFreeStep.Ticks;
        var ticks = local.TimeOfDay.Ticks;
        var steps = after ? (ticks / step) + 1 : (ticks + step - 1) / step;
        return local.Date.AddTicks(steps * step);
    }

    private static string Text(DateTime local) => local.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
