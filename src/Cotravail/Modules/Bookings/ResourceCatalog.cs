using Cotravail.Common.Database;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Resources;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Bookings;

/// Every active resource of an active location and those locations' rules, in memory, for availability
/// search (decision 0009): a network-wide search then asks the database only for the bookings that touch
/// the slot. Forgotten with BookingRules when a resource or a location is saved through this process;
/// another instance's change is seen within Lifetime. A stale entry can only show a slot that the
/// booking, checked against the database and fresher rules, then refuses.
internal sealed class ResourceCatalog
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private static readonly SemaphoreSlim Loading = new(1, 1);
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, ResourceCatalog> Catalogs = new(StringComparer.Ordinal);

    private ResourceCatalog(IReadOnlyList<Resource> resources, IReadOnlyDictionary<Guid, CatalogLocation> locations, long generation)
    {
        Resources = resources;
        OfKind = resources.ToLookup(r => r.Kind);
        Locations = locations;
        Generation = generation;
        LoadedAt = Environment.TickCount64;
    }

    public IReadOnlyList<Resource> Resources { get; }

    /// The same resources by kind: most searches ask for one.
    public ILookup<ResourceKind, Resource> OfKind { get; }

    public IReadOnlyDictionary<Guid, CatalogLocation> Locations { get; }

    private long Generation { get; }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Ranks> ranks = new(StringComparer.Ordinal);

    /// Positions of each location (by name) and each resource (by name) in a culture's sort order.
    internal sealed record Ranks(IReadOnlyDictionary<Guid, int> Location, IReadOnlyDictionary<Guid, int> Resource);

    public Ranks RanksFor(System.Globalization.CultureInfo culture) => ranks.GetOrAdd(culture.Name, _ =>
    {
        var comparer = StringComparer.Create(culture, ignoreCase: false);
        return new Ranks(
            RankBy(Locations.Values.Select(l => (l.Id, l.Name)), comparer),
            RankBy(Resources.Select(r => (r.Id, r.Name)), comparer));
    });

    private static Dictionary<Guid, int> RankBy(IEnumerable<(Guid Id, string Name)> items, StringComparer comparer)
    {
        var sorted = items.OrderBy(i => i.Name, comparer).ThenBy(i => i.Name, StringComparer.Ordinal).ToList();
        var result = new Dictionary<Guid, int>(sorted.Count);
        for (var i = 0; i < sorted.Count; i++)
        {
            result[sorted[i].Id] = i > 0 && sorted[i - 1].Name == sorted[i].Name ? result[sorted[i - 1].Id] : i;
        }
        return result;
    }

    private long LoadedAt { get; }

    private bool Fresh => Generation == BookingRules.Generation && Environment.TickCount64 - LoadedAt < Lifetime.TotalMilliseconds;

    /// The catalog of the database behind db (one per database: the tests run many in one process).
    public static async Task<ResourceCatalog> GetAsync(AppDb db, CancellationToken ct)
    {
        var source = db.Database.GetConnectionString() ?? "";
        if (Catalogs.TryGetValue(source, out var catalog) && catalog.Fresh)
        {
            return catalog;
        }
        await Loading.WaitAsync(ct);
        try
        {
            if (Catalogs.TryGetValue(source, out var again) && again.Fresh)
            {
                return again;
            }
            var generation = BookingRules.Generation; // read before loading: a save meanwhile makes it stale at once
            var resources = await db.Resources.AsNoTracking()
                .Where(r => r.IsActive && db.Locations.Any(l => l.Id == r.LocationId && l.IsActive)).ToListAsync(ct);
            var locations = await db.Locations.AsNoTracking().AsSplitQuery().Where(l => l.IsActive).ToListAsync(ct);
            var loaded = new ResourceCatalog(
                resources,
                locations.ToDictionary(l => l.Id, l => new CatalogLocation(
                    l.Id, l.Name, l.Slug, TimeZoneInfo.FindSystemTimeZoneById(l.TimeZone), l.Currency,
                    l.OpeningHours.ToLookup(p => p.Day), l.ClosedDays.Select(c => c.Date).ToHashSet())),
                generation);
            Catalogs[source] = loaded;
            return loaded;
        }
        finally
        {
            Loading.Release();
        }
    }
}

/// What availability needs of a location: its zone and currency, opening periods by day, closed dates.
internal sealed record CatalogLocation(
    Guid Id, string Name, string Slug, TimeZoneInfo Zone, string Currency, ILookup<DayOfWeek, OpeningPeriod> OpeningHours, IReadOnlySet<DateOnly> ClosedDates)
{
    /// The rules of the slot's local day, in the shape Bookability reads.
    public (IEnumerable<OpeningPeriod> Hours, IEnumerable<ClosedDay> Closed) RulesOf(DateOnly day) =>
        (OpeningHours[day.DayOfWeek], ClosedDates.Contains(day) ? [new ClosedDay(day, "")] : []);
}
