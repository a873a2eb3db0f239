using System.Globalization;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Members;
using Cotravail.Modules.Resources;

namespace Cotravail.Modules.Offers;

/// An offer as the API shows it: amounts in the currency's major unit, excluding and including VAT (Common.Vat),
/// its name and description also in the reader's language (Name, Description).
internal sealed record OfferResponse(
    Guid Id,
    Guid? LocationId,
    string? LocationName,
    OfferKind Kind,
    string Name,
    string NameFr,
    string NameEn,
    string? Description,
    string? DescriptionFr,
    string? DescriptionEn,
    string Currency,
    decimal VatPercent,
    decimal PriceExcludingVat,
    decimal Vat,
    decimal PriceIncludingVat,
    int? PassCount,
    int? ValidityDays,
    int? DaysPerWeek,
    PlanSpace? Space,
    string? AccessFrom,
    string? AccessTo,
    IReadOnlyList<Guid> LocationIds,
    IReadOnlyList<ResourceKind> ResourceKinds,
    IReadOnlyList<CreditResponse> Credits,
    IReadOnlyList<ReducedPriceResponse> ReducedPrices,
    int Position,
    bool IsActive,
    DateTime CreatedAt)
{
    public static OfferResponse From(Offer o, string? locationName, CultureInfo culture) => new(
        o.Id, o.LocationId, locationName, o.Kind, o.Name(culture), o.NameFr, o.NameEn, o.Description(culture), o.DescriptionFr, o.DescriptionEn,
        o.Currency, VatRate.Percent(o.VatMilliPercent),
        Units(o.PriceCents), Units(Common.Vat.On(o.PriceCents, o.VatMilliPercent)), Units(Common.Vat.Gross(o.PriceCents, o.VatMilliPercent)),
        o.PassCount, o.ValidityDays, o.DaysPerWeek, o.Space,
        o.AccessFrom?.ToString("HH:mm", CultureInfo.InvariantCulture), o.AccessTo?.ToString("HH:mm", CultureInfo.InvariantCulture),
        [.. o.OpenedLocations.Select(x => x.LocationId)],
        [.. o.Covers.Select(c => c.Kind).Order()],
        [.. o.Credits.OrderBy(c => c.Kind).Select(c => new CreditResponse(c.Kind, c.Amount))],
        [.. o.ReducedPrices.OrderBy(r => r.Category).Select(r => new ReducedPriceResponse(r.Category, Units(r.PriceCents), Units(Common.Vat.Gross(r.PriceCents, o.VatMilliPercent))))],
        o.Position, o.IsActive, o.CreatedAt);

    public static decimal Units(long cents) => cents / 100m;
}

internal sealed record CreditResponse(CreditKind Kind, int Amount);

internal sealed record ReducedPriceResponse(MemberCategory Category, decimal PriceExcludingVat, decimal PriceIncludingVat);
