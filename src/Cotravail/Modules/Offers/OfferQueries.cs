using System.Globalization;
using Cotravail.Common;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Modules.Locations;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Offers;

/// GET /api/v1/offers and /{id}, and the back-office list.
internal static class OfferQueries
{
    /// LocationId: the offers valid there (its own and the network's that open it). Q: text in either name.
    internal sealed record Query(Guid? LocationId, OfferKind? Kind, bool? Active, string? Q, int? Page, int? PageSize);

    public static async Task<Page<OfferResponse>> ListAsync(Query query, AppDb db, AccessScope scope, CancellationToken ct)
    {
        var offers = db.Offers.VisibleTo(db, scope);
        if (query.LocationId is { } locationId)
        {
            offers = offers.ValidAt(locationId);
        }
        if (query.Kind is { } kind)
        {
            offers = offers.Where(o => o.Kind == kind);
        }
        if (query.Active is { } active)
        {
            offers = offers.Where(o => o.IsActive == active);
        }
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var term = query.Q.Trim().ToLower();
            offers = offers.Where(o => o.NameFr.ToLower().Contains(term) || o.NameEn.ToLower().Contains(term));
        }
        // network offers first, then each location's, in their display order
        var page = await offers.AsNoTracking().AsSplitQuery()
            .OrderBy(o => o.LocationId != null).ThenBy(o => o.LocationId).ThenBy(o => o.Position).ThenBy(o => o.NameFr).ThenBy(o => o.Id)
            .ToPageAsync(PageRequest.Of(query.Page, query.PageSize), ct);
        var names = await NamesAsync(db, page.Items, ct);
        return new Page<OfferResponse>(
            [.. page.Items.Select(o => OfferResponse.From(o, o.LocationId is { } l ? names[l] : null, CultureInfo.CurrentCulture))],
            page.PageNumber, page.PageSize, page.TotalCount);
    }

    public static async Task<Result<OfferResponse>> GetAsync(Guid id, AppDb db, AccessScope scope, CancellationToken ct)
    {
        var offer = await db.Offers.VisibleTo(db, scope).AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(o => o.Id == id, ct);
        return offer is null ? new NotFound("Offer") : await ResponseAsync(db, offer, ct);
    }

    public static async Task<OfferResponse> ResponseAsync(AppDb db, Offer offer, CancellationToken ct) =>
        OfferResponse.From(offer, (await NamesAsync(db, [offer], ct)).GetValueOrDefault(offer.LocationId ?? Guid.Empty), CultureInfo.CurrentCulture);

    /// The names of the offers' locations, in one query.
    public static async Task<Dictionary<Guid, string>> NamesAsync(AppDb db, IEnumerable<Offer> offers, CancellationToken ct)
    {
        var ids = offers.Where(o => o.LocationId is not null).Select(o => o.LocationId!.Value).Distinct().ToList();
        return ids.Count == 0 ? [] : await db.Locations.Where(l => ids.Contains(l.Id)).Select(l => new { l.Id, l.Name }).ToDictionaryAsync(l => l.Id, l => l.Name, ct);
    }
}
