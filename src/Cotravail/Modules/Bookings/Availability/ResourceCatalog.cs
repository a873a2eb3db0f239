using Cotravail.Modules.Locations;
using Cotravail.Modules.Resources;

namespace Cotravail.Modules.Bookings;

/// Every active resource of an active location and those locations' rules, in memory, for availability
/// search (decision 0009): a network-wide search then asks the database only for the bookings that touch
/// the slot. Forgotten with the rules (RulesCache) when a resource or a location is saved through this process;
/// another instance's change is seen within Lifetime. A stale entry can only show a slot that the
/// booking, checked against the database and fresher rules, then refuses.
/// Resources and locations are numbered (their index in the arrays) so that a search works on arrays
/// indexed by number rather than on dictionaries keyed by id: a network-wide search touches thousands.
internal sealed class ResourceCatalog
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int[]> orders = new(StringComparer.Ordinal);

    public ResourceCatalog(IReadOnlyList<Resource> resources, IReadOnlyList<Location> locations, long generation)
    {
        Locations = [.. locations.Select((l, i) => new CatalogLocation(
            i, l.Id, l.Name, l.Slug, TimeZoneInfo.FindSystemTimeZoneById(l.TimeZone), l.Currency,
            l.OpeningHours.ToLookup(p => p.Day), l.ClosedDays.Select(c => c.Date).ToHashSet()))];
        LocationIndex = Locations.ToDictionary(l => l.Id, l => l.Index);
        Resources = [.. resources.Where(r => LocationIndex.ContainsKey(r.LocationId)).Select((r, i) => new CatalogResource(i, r, LocationIndex[r.LocationId]))];
        ResourceIndex = Resources.ToDictionary(r => r.Id, r => r.Index);
        var all = Enumerable.Range(0, Resources.Length).ToArray();
        OfKind = Enum.GetValues<ResourceKind>().ToDictionary(k => k, k => all.Where(i => Resources[i].Kind == k).ToArray());
        AtLocation = all.GroupBy(i => Resources[i].LocationIndex).ToDictionary(g => g.Key, g => g.ToArray());
        All = all;
        Generation = generation;
        LoadedAt = Environment.TickCount64;
    }

    public CatalogResource[] Resources { get; }

    /// Every resource's number.
    public int[] All { get; }

    /// The numbers of the resources of each kind: most searches ask for one.
    public IReadOnlyDictionary<ResourceKind, int[]> OfKind { get; }

    /// The numbers of the resources of each location (by the location's number).
    public IReadOnlyDictionary<int, int[]> AtLocation { get; }

    public IReadOnlyDictionary<Guid, int> ResourceIndex { get; }

    public CatalogLocation[] Locations { get; }

    public IReadOnlyDictionary<Guid, int> LocationIndex { get; }

    private long Generation { get; }

    private long LoadedAt { get; }

    public bool FreshFor(RulesCache rules) => Generation == rules.Generation && Environment.TickCount64 - LoadedAt < Lifetime.TotalMilliseconds;

    /// Each resource's position (by its number) in a culture's order: by location name, then resource
    /// name, then id. Computed once per culture: culture-aware comparisons are slow.
    public int[] OrderFor(System.Globalization.CultureInfo culture) => orders.GetOrAdd(culture.Name, _ =>
    {
        var comparer = StringComparer.Create(culture, ignoreCase: false);
        var locationRank = RankBy(Locations.Select(l => l.Name).ToArray(), comparer);
        var resourceRank = RankBy(Resources.Select(r => r.Name).ToArray(), comparer);
        var sorted = Enumerable.Range(0, Resources.Length)
            .OrderBy(i => locationRank[Resources[i].LocationIndex]).ThenBy(i => resourceRank[i]).ThenBy(i => Resources[i].Id).ToArray();
        var position = new int[Resources.Length];
        for (var p = 0; p < sorted.Length; p++)
        {
            position[sorted[p]] = p;
        }
        return position;
    });

    /// Equal names share a rank, so that the next key decides between them.
    private static int[] RankBy(string[] names, StringComparer comparer)
    {
        var sorted = Enumerable.Range(0, names.Length).OrderBy(i => names[i], comparer).ThenBy(i => names[i], StringComparer.Ordinal).ToArray();
        var rank = new int[names.Length];
        for (var p = 0; p < sorted.Length; p++)
        {
            rank[sorted[p]] = p > 0 && names[sorted[p - 1]] == names[sorted[p]] ? rank[sorted[p - 1]] : p;
        }
        return rank;
    }
}

/// What availability needs of a resource, with its rate cards made once.
internal sealed class CatalogResource(int index, Resource resource, int locationIndex)
{
    public int Index { get; } = index;

    public Guid Id { get; } = resource.Id;

    public string Name { get; } = resource.Name;

    public ResourceKind Kind { get; } = resource.Kind;

    public int Capacity { get; } = resource.Capacity;

    public Amenity Amenities { get; } = resource.Amenities;

    public Accessibility Accessibility { get; } = resource.Accessibility;

    public int LocationIndex { get; } = locationIndex;

    public BookingPolicy Policy { get; } = resource.Policy;

    /// Its own opening periods, which narrow its location's; empty when it follows them.
    public IReadOnlyList<OpeningPeriod> OwnHours { get; } = resource.OpeningHours;

    /// How many bookings may hold it at once: a hot-desk zone's seats, else one.
    public int Seats { get; } = resource.Kind == ResourceKind.HotDeskZone ? resource.Capacity : 1;

    public RateCard MemberRates { get; } = RateCard.For(resource.Rates, member: true);

    public RateCard NonMemberRates { get; } = RateCard.For(resource.Rates, member: false);
}

/// What availability needs of a location: its zone and currency, opening periods by day, closed dates.
internal sealed record CatalogLocation(
    int Index, Guid Id, string Name, string Slug, TimeZoneInfo Zone, string Currency, ILookup<DayOfWeek, OpeningPeriod> OpeningHours, IReadOnlySet<DateOnly> ClosedDates)
{
    /// Whether the location is open for the whole local slot (one day): ClosedDay, Closed or null.
    public Unavailability? HoursFor(DateTime localStart, DateTime localEnd) =>
        Bookability.CheckHours(OpeningHours[localStart.DayOfWeek], ClosedDates.Contains(DateOnly.FromDateTime(localStart)), localStart, localEnd);

    /// The same within a resource's own periods too (they narrow the location's).
    public Unavailability? HoursFor(DateTime localStart, DateTime localEnd, IReadOnlyList<OpeningPeriod> own) => own.Count == 0
        ? HoursFor(localStart, localEnd)
        : Bookability.CheckHours(OpeningWeek.Narrow([.. OpeningHours[localStart.DayOfWeek]], own), ClosedDates.Contains(DateOnly.FromDateTime(localStart)), localStart, localEnd);
}
