using Cotravail.Common;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Members;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Offers;

/// GET /api/v1/offers/{id}/price?memberId=: the price of an offer for a member, reduced when the member holds a
/// valid grant of a category the offer has a reduced price for (the lowest of them), else the full price.
internal static class PriceOffer
{
    /// Amounts in the currency's major unit; VAT by Common.Vat. ReducedCategory: the grant that gave the price.
    internal sealed record Response(
        Guid OfferId, Guid? MemberId, string Currency, decimal VatPercent, decimal PriceExcludingVat, decimal Vat, decimal PriceIncludingVat,
        MemberCategory? ReducedCategory, decimal FullPriceExcludingVat);

    /// MemberId: staff ask for a member of their locations; anyone else for themselves (the default).
    public static async Task<Result<Response>> HandleAsync(Guid id, Guid? memberId, AppDb db, AccessScope scope, TimeProvider clock, CancellationToken ct)
    {
        var offer = await db.Offers.VisibleTo(db, scope).AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (offer is null)
        {
            return new NotFound("Offer");
        }
        var who = memberId ?? scope.MemberId;
        IReadOnlyList<MemberCategory> granted = [];
        if (who is { } member)
        {
            var home = await db.Members.VisibleTo(scope).Where(m => m.Id == member).Select(m => (Guid?)m.HomeLocationId).FirstOrDefaultAsync(ct);
            if (home is null)
            {
                return new NotFound("Member");
            }
            if (member != scope.MemberId && !scope.CanSee(home.Value))
            {
                return new Forbidden();
            }
            granted = await ValidGrantsAsync(db, member, home.Value, clock, ct);
        }
        var (cents, category) = offer.PriceFor(granted);
        return new Response(
            offer.Id, who, offer.Currency, VatRate.Percent(offer.VatMilliPercent),
            OfferResponse.Units(cents), OfferResponse.Units(Vat.On(cents, offer.VatMilliPercent)), OfferResponse.Units(Vat.Gross(cents, offer.VatMilliPercent)),
            category, OfferResponse.Units(offer.PriceCents));
    }

    /// The categories of the member's grants valid today, in the time zone of their home location.
    public static async Task<List<MemberCategory>> ValidGrantsAsync(AppDb db, Guid memberId, Guid homeLocationId, TimeProvider clock, CancellationToken ct)
    {
        var zone = await db.Locations.Where(l => l.Id == homeLocationId).Select(l => l.TimeZone).FirstAsync(ct);
        var today = ReducedRates.Today(clock, zone);
        return await db.ReducedRateGrants.Where(g => g.MemberId == memberId && g.RevokedAt == null && g.ValidUntil >= today)
            .Select(g => g.Category).Distinct().ToListAsync(ct);
    }
}
