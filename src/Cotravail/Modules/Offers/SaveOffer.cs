using System.Globalization;
using Cotravail.Common.Audit;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Modules.Locations;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Offers;

/// 403 naming `locationId`: the caller does not manage the location (or, for a network offer, is no network admin).
internal sealed record NotYourLocation() : Error(OfferMessages.NotYourLocation);

/// Create an offer, change its terms, deactivate or reactivate it (never delete it).
internal static class SaveOffer
{
    public static async Task<Result<OfferResponse>> CreateAsync(OfferInput input, AppDb db, AccessScope scope, TimeProvider clock, CancellationToken ct)
    {
        var owner = await OwnerAsync(input.LocationId, db, scope, ct);
        if (!owner.IsOk)
        {
            return owner.Error;
        }
        var terms = await TermsAsync(input, owner.Value, db, ct);
        if (!terms.IsOk)
        {
            return terms.Error;
        }
        var created = Offer.Create(input.LocationId, terms.Value, clock.GetUtcNow().UtcDateTime);
        if (!created.IsOk)
        {
            return created.Error;
        }
        db.Offers.Add(created.Value);
        await db.SaveChangesAsync(ct);
        return OfferResponse.From(created.Value, owner.Value?.Name, CultureInfo.CurrentCulture);
    }

    public static async Task<Result<OfferResponse>> UpdateAsync(Guid id, OfferInput input, AppDb db, AccessScope scope, AuditTrail audit, CancellationToken ct)
    {
        var offer = await db.Offers.VisibleTo(db, scope).AsSplitQuery().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (offer is null)
        {
            return new NotFound("Offer");
        }
        if (!scope.CanManage(offer.LocationId))
        {
            return new NotYourLocation();
        }
        if (input.LocationId != offer.LocationId)
        {
            return new Invalid(nameof(OfferInput.LocationId), OfferMessages.OwnerFixed);
        }
        var owner = offer.LocationId is { } locationId ? await db.Locations.AsNoTracking().AsSplitQuery().FirstAsync(l => l.Id == locationId, ct) : null;
        var terms = await TermsAsync(input, owner, db, ct);
        if (!terms.IsOk)
        {
            return terms.Error;
        }
        var before = PriceText(offer);
        if (offer.Change(terms.Value) is { } refused)
        {
            return refused;
        }
        if (PriceText(offer) is var after && after != before)
        {
            audit.Record(AuditActions.PriceChanged, "offer", offer.Id, offer.LocationId, $"{offer.Name(CultureInfo.InvariantCulture)}: {before} → {after}");
        }
        await db.SaveChangesAsync(ct);
        return OfferResponse.From(offer, owner?.Name, CultureInfo.CurrentCulture);
    }

    public static async Task<Result<OfferResponse>> SetActiveAsync(Guid id, bool active, AppDb db, AccessScope scope, CancellationToken ct)
    {
        var offer = await db.Offers.VisibleTo(db, scope).AsSplitQuery().FirstOrDefaultAsync(o => o.Id == id, ct);
        if (offer is null)
        {
            return new NotFound("Offer");
        }
        if (!scope.CanManage(offer.LocationId))
        {
            return new NotYourLocation();
        }
        if (active)
        {
            offer.Activate();
        }
        else
        {
            offer.Deactivate();
        }
        await db.SaveChangesAsync(ct);
        return await OfferQueries.ResponseAsync(db, offer, ct);
    }

    /// The location the new offer belongs to (null: the network), if the caller manages it.
    private static async Task<Result<Location?>> OwnerAsync(Guid? locationId, AppDb db, AccessScope scope, CancellationToken ct)
    {
        if (locationId is not { } id)
        {
            if (!scope.IsNetworkAdmin)
            {
                return new NotYourLocation();
            }
            return (Location?)null;
        }
        var location = await db.Locations.AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(l => l.Id == id, ct);
        if (location is null)
        {
            return new Invalid(nameof(OfferInput.LocationId), OfferMessages.UnknownLocation);
        }
        return scope.CanManage(id) ? location : new NotYourLocation();
    }

    /// The input as terms: the owner's currency and VAT rates, the network's locations.
    private static async Task<Result<OfferTerms>> TermsAsync(OfferInput input, Location? owner, AppDb db, CancellationToken ct)
    {
        var milli = VatRate.MilliPercentOf(input.VatPercent!.Value);
        string currency;
        if (owner is not null)
        {
            if (!owner.VatRates.Any(v => v.MilliPercent == milli))
            {
                return new Invalid(nameof(OfferInput.VatPercent), OfferMessages.UnknownVatRate);
            }
            currency = owner.Currency;
            // listing the location itself says what it says anyway
            input = input with { LocationIds = [.. input.LocationIds.Where(l => l != owner.Id)] };
        }
        else
        {
            var active = db.Locations.Where(l => l.IsActive);
            if (!await active.AnyAsync(l => l.VatRates.Any(v => v.MilliPercent == milli), ct))
            {
                return new Invalid(nameof(OfferInput.VatPercent), OfferMessages.UnknownNetworkVatRate);
            }
            var currencies = await active.Select(l => l.Currency).Distinct().OrderBy(c => c).Take(2).ToListAsync(ct);
            currency = currencies.Count == 1 ? currencies[0] : "EUR";
            var listed = input.LocationIds.Distinct().ToList();
            if (listed.Count > 0 && await db.Locations.CountAsync(l => listed.Contains(l.Id), ct) != listed.Count)
            {
                return new Invalid(nameof(OfferInput.LocationIds), OfferMessages.UnknownLocation);
            }
        }
        return input.ToTerms(currency);
    }

    /// What an audit entry says of an offer's prices: "25.00 EUR; Student 18.00".
    private static string PriceText(Offer o) =>
        string.Join("; ", [Amount(o.PriceCents) + " " + o.Currency, .. o.ReducedPrices.OrderBy(r => r.Category).Select(r => $"{r.Category} {Amount(r.PriceCents)}")]);

    private static string Amount(long cents) => (cents / 100m).ToString("0.00", CultureInfo.InvariantCulture);
}
