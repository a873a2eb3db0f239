using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Cotravail.Common.Errors;
using Cotravail.Common.Localization;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Members;
using Cotravail.Modules.Resources;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Offers;

/// An offer as an operator describes it, from the API (JSON) or the form: one record for both (ADR 16).
/// Amounts are in the currency's major unit excluding VAT (25.50); the VAT rate in percent (20, 5.5).
internal sealed record OfferInput : IValidatableObject
{
    /// [Price]'s bound, for the reduced prices of the list.
    private const decimal MaxPrice = 1_000_000m;

    /// Empty: a network offer, valid at every location or at those listed in LocationIds (network admins only).
    [Display(Name = "Location")]
    public Guid? LocationId { get; init; }

    [Required(ErrorMessage = Messages.Required), Display(Name = "Kind")]
    public OfferKind? Kind { get; init; }

    [StringLength(Offer.NameLength, ErrorMessage = Messages.TooLong), Display(Name = "Name in French")]
    public string? NameFr { get; init; }

    [StringLength(Offer.NameLength, ErrorMessage = Messages.TooLong), Display(Name = "Name in English")]
    public string? NameEn { get; init; }

    [StringLength(Offer.DescriptionLength, ErrorMessage = Messages.TooLong), Display(Name = "Description in French")]
    public string? DescriptionFr { get; init; }

    [StringLength(Offer.DescriptionLength, ErrorMessage = Messages.TooLong), Display(Name = "Description in English")]
    public string? DescriptionEn { get; init; }

    [Required(ErrorMessage = Messages.Required), Price, Display(Name = "Price excluding VAT")]
    public decimal? Price { get; init; }

    /// One of the location's VAT rates (for a network offer, of an active location), e.g. 20 or 5.5.
    [Required(ErrorMessage = Messages.Required), Range(typeof(decimal), "0", "100", ParseLimitsInInvariantCulture = true, ErrorMessage = Messages.Range), Display(Name = "VAT rate (%)")]
    public decimal? VatPercent { get; init; }

    /// Bundles: how many one-day passes.
    [Range(1, Offer.MaxPasses, ErrorMessage = Messages.Range), Display(Name = "Number of passes")]
    public int? PassCount { get; init; }

    /// Passes and bundles: days its passes stay usable; empty: 1 for a half-day or day pass, 7 for a week pass.
    [Range(1, Offer.MaxValidityDays, ErrorMessage = Messages.Range), Display(Name = "Validity (days)")]
    public int? ValidityDays { get; init; }

    /// Plans: days a week, empty for every day.
    [Range(1, 5, ErrorMessage = Messages.Range), Display(Name = "Days per week")]
    public int? DaysPerWeek { get; init; }

    /// Plans: where the holder works; empty: the open space.
    [Display(Name = "Space")]
    public PlanSpace? Space { get; init; }

    /// Local time such as "09:00"; empty with AccessTo: the opening hours.
    [StringLength(8, ErrorMessage = Messages.TooLong), Display(Name = "Access from")]
    public string? AccessFrom { get; init; }

    [StringLength(8, ErrorMessage = Messages.TooLong), Display(Name = "Access until")]
    public string? AccessTo { get; init; }

    /// Network offers: the locations it is valid at; empty: all.
    public List<Guid> LocationIds { get; init; } = [];

    /// The kinds of resource it covers (HotDeskZone, MeetingRoom…); at least one for passes, bundles and plans.
    public List<ResourceKind> ResourceKinds { get; init; } = [];

    /// Credits per month of a plan, per bundle; an entry without an amount is ignored.
    public List<CreditInput> Credits { get; init; } = [];

    /// Prices for members granted a reduced rate of the category; an entry without a price is ignored.
    public List<ReducedPriceInput> ReducedPrices { get; init; } = [];

    [Range(0, 10000, ErrorMessage = Messages.Range), Display(Name = "Position")]
    public int Position { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var l = validationContext.GetRequiredService<IStringLocalizer<SharedResource>>();
        if (Kind is { } kind && !Enum.IsDefined(kind))
        {
            yield return new(l[OfferMessages.UnknownOrRepeated], [nameof(Kind)]);
        }
        if (Space is { } space && !Enum.IsDefined(space))
        {
            yield return new(l[OfferMessages.UnknownOrRepeated], [nameof(Space)]);
        }
        if (Price is { } price && decimal.Round(price, 2) != price)
        {
            yield return new(l[OfferMessages.TwoDecimals], [nameof(Price)]);
        }
        if (VatPercent is { } vat && decimal.Round(vat, VatRate.Decimals) != vat)
        {
            yield return new(l[OfferMessages.VatDecimals], [nameof(VatPercent)]);
        }
        foreach (var (field, text) in new[] { (nameof(AccessFrom), AccessFrom), (nameof(AccessTo), AccessTo) })
        {
            if (!string.IsNullOrWhiteSpace(text) && !OpeningWeek.TryTime(text.Trim(), out _))
            {
                yield return new(l[OfferMessages.NotATime], [field]);
            }
        }
        if (ResourceKinds.Any(k => !Enum.IsDefined(k)))
        {
            yield return new(l[OfferMessages.UnknownOrRepeated], [nameof(ResourceKinds)]);
        }
        if (Credits.Any(c => !Enum.IsDefined(c.Kind) || c.Amount is <= 0 or > Offer.MaxCredit))
        {
            yield return new(l[OfferMessages.CreditAmount], [nameof(Credits)]);
        }
        if (ReducedPrices.Any(r => !Enum.IsDefined(r.Category) || r.Price is < 0 or > MaxPrice || (r.Price is { } p && decimal.Round(p, 2) != p)))
        {
            yield return new(l[OfferMessages.ReducedAboveFull], [nameof(ReducedPrices)]);
        }
    }

    /// The terms once the input is valid: defaults filled, amounts in cents, entries without a value dropped.
    public OfferTerms ToTerms(string currency)
    {
        var kind = Kind!.Value;
        return new(
            kind, NameFr?.Trim() ?? "", NameEn?.Trim() ?? "", DescriptionFr, DescriptionEn,
            Cents(Price!.Value), currency, VatRate.MilliPercentOf(VatPercent!.Value),
            PassCount, ValidityDays ?? OfferRules.DefaultValidityDays(kind), DaysPerWeek,
            OfferRules.IsPlan(kind) ? Space ?? PlanSpace.OpenSpace : Space,
            Time(AccessFrom), Time(AccessTo),
            LocationIds, ResourceKinds,
            [.. Credits.Where(c => c.Amount is not null).Select(c => new IncludedCredit(c.Kind, c.Amount!.Value))],
            [.. ReducedPrices.Where(r => r.Price is not null).Select(r => new ReducedPrice(r.Category, Cents(r.Price!.Value)))],
            Position);
    }

    public static OfferInput From(Offer o) => new()
    {
        LocationId = o.LocationId,
        Kind = o.Kind,
        NameFr = o.NameFr,
        NameEn = o.NameEn,
        DescriptionFr = o.DescriptionFr,
        DescriptionEn = o.DescriptionEn,
        Price = o.PriceCents / 100m,
        VatPercent = VatRate.Percent(o.VatMilliPercent),
        PassCount = o.PassCount,
        ValidityDays = o.ValidityDays,
        DaysPerWeek = o.DaysPerWeek,
        Space = o.Space,
        AccessFrom = o.AccessFrom?.ToString("HH:mm", CultureInfo.InvariantCulture),
        AccessTo = o.AccessTo?.ToString("HH:mm", CultureInfo.InvariantCulture),
        LocationIds = [.. o.OpenedLocations.Select(x => x.LocationId)],
        ResourceKinds = [.. o.Covers.Select(c => c.Kind)],
        Credits = [.. o.Credits.Select(c => new CreditInput { Kind = c.Kind, Amount = c.Amount })],
        ReducedPrices = [.. o.ReducedPrices.Select(r => new ReducedPriceInput { Category = r.Category, Price = r.PriceCents / 100m })],
        Position = o.Position,
    };

    private static long Cents(decimal units) => (long)decimal.Round(units * 100m);

    private static TimeOnly? Time(string? text) => OpeningWeek.TryTime(text?.Trim(), out var time) ? time : null;
}

internal sealed record CreditInput
{
    public CreditKind Kind { get; init; }

    /// Meeting-room hours or printed pages per period.
    public int? Amount { get; init; }
}

internal sealed record ReducedPriceInput
{
    public MemberCategory Category { get; init; }

    /// Excluding VAT, no more than the full price.
    public decimal? Price { get; init; }
}
