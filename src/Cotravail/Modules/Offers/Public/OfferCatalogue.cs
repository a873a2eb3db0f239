using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Modules.Locations;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Offers;

/// Offers to show on a public page, with the names of the locations a network offer is limited to.
internal sealed record OfferShelf(IReadOnlyList<Offer> Offers, IReadOnlyDictionary<Guid, string> LocationNames)
{
    public static readonly OfferShelf Empty = new([], new Dictionary<Guid, string>());
}

/// One offer's card: what it gives, with the names of the locations a network offer is limited to.
internal sealed record OfferFacts(Offer Offer, IReadOnlyDictionary<Guid, string> LocationNames);

/// The active catalogue as anyone sees it: the network's offers and those of active locations, in display order.
internal static class OfferCatalogue
{
    public static async Task<(OfferShelf Network, IReadOnlyList<(Location Location, OfferShelf Shelf)> Locations)> AllAsync(AppDb db, CancellationToken ct)
    {
        var offers = await Active(db).ToListAsync(ct);
        var locations = await db.Locations.AsNoTracking().AsSplitQuery().Where(l => l.IsActive).OrderBy(l => l.Name).ToListAsync(ct);
        var names = locations.ToDictionary(l => l.Id, l => l.Name);
        return (
            new OfferShelf([.. offers.Where(o => o.LocationId is null)], names),
            [.. locations.Select(l => (l, new OfferShelf([.. offers.Where(o => o.LocationId == l.Id)], names)))]);
    }

    /// What one location offers: its own offers and the network's valid there.
    public static async Task<OfferShelf> ValidAtAsync(AppDb db, Guid locationId, CancellationToken ct)
    {
        var offers = await Active(db).ValidAt(locationId).ToListAsync(ct);
        var ids = offers.SelectMany(o => o.OpenedLocations.Select(x => x.LocationId)).Distinct().ToList();
        var names = await db.Locations.Where(l => ids.Contains(l.Id)).Select(l => new { l.Id, l.Name }).ToDictionaryAsync(l => l.Id, l => l.Name, ct);
        return new OfferShelf(offers, names);
    }

    private static IQueryable<Offer> Active(AppDb db) =>
        db.Offers.VisibleTo(db, AccessScope.Anonymous).AsNoTracking().AsSplitQuery()
            .OrderBy(o => o.Position).ThenBy(o => o.NameFr).ThenBy(o => o.Id);
}
