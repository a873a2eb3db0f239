using System.Globalization;
using Cotravail.Common.Errors;
using Cotravail.Common.Localization;
using Cotravail.Modules.Members;

namespace Cotravail.Modules.Offers;

/// Something the network or one of its locations sells: a pass, a bundle, a plan, the membership fee or a
/// product. It belongs to the network (LocationId null, network admins manage it) or to one location (its
/// managers do). Never deleted once created, since subscriptions and invoices will refer to it: deactivated.
/// Kind and owner never change; terms do, through Change, which checks them as Create does.
internal sealed class Offer
{
    public const int NameLength = 120;
    public const int DescriptionLength = 2000;
    public const int MaxPasses = 1000;
    public const int MaxValidityDays = 3660;
    public const int MaxCredit = 100_000;

    private Offer()
    {
    }

    public Guid Id { get; private set; }

    /// Null: a network offer.
    public Guid? LocationId { get; private set; }

    public OfferKind Kind { get; private set; }

    /// One of the two names may be empty: the other is shown in its place.
    public string NameFr { get; private set; } = "";

    public string NameEn { get; private set; } = "";

    public string? DescriptionFr { get; private set; }

    public string? DescriptionEn { get; private set; }

    /// Excluding VAT, in minor units of Currency.
    public long PriceCents { get; private set; }

    /// The location's currency; a network offer's is EUR unless all locations share another.
    public string Currency { get; private set; } = "EUR";

    /// One of the rates of the location (of an active location for a network offer), in thousandths of a percent.
    public int VatMilliPercent { get; private set; }

    /// Bundles only: how many one-day passes it holds.
    public int? PassCount { get; private set; }

    /// Passes and bundles: how many days its passes stay usable (1 for a day pass, 7 for a week pass, e.g. 180 for a bundle).
    public int? ValidityDays { get; private set; }

    /// Plans only: days a week (1–5); null = every opening day.
    public int? DaysPerWeek { get; private set; }

    /// Plans only.
    public PlanSpace? Space { get; private set; }

    /// Local times of the locations; both null = their opening hours.
    public TimeOnly? AccessFrom { get; private set; }

    public TimeOnly? AccessTo { get; private set; }

    /// Network offers: the locations it is valid at, none = all. A location's offer is valid there only (empty).
    public List<OpenedLocation> OpenedLocations { get; private set; } = [];

    public List<CoveredResource> Covers { get; private set; } = [];

    /// Per period: per month of a plan (monthly or annual), per validity of a bundle.
    public List<IncludedCredit> Credits { get; private set; } = [];

    public List<ReducedPrice> ReducedPrices { get; private set; } = [];

    public bool IsActive { get; private set; } = true;

    /// Display order within its catalogue, lowest first.
    public int Position { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public static Result<Offer> Create(Guid? locationId, OfferTerms terms, DateTime now)
    {
        if (OfferRules.Check(locationId, terms) is { } refused)
        {
            return refused;
        }
        var offer = new Offer { Id = Guid.CreateVersion7(), LocationId = locationId, Kind = terms.Kind, CreatedAt = now };
        offer.Apply(terms);
        return offer;
    }

    /// New terms for the same kind of offer; null when taken.
    public Error? Change(OfferTerms terms)
    {
        if (terms.Kind != Kind)
        {
            return new Invalid("Kind", OfferMessages.KindFixed);
        }
        if (OfferRules.Check(LocationId, terms) is { } refused)
        {
            return refused;
        }
        Apply(terms);
        return null;
    }

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;

    /// The name in the reader's language, else the other one.
    public string Name(CultureInfo culture) => InEnglish(culture) ? Either(NameEn, NameFr) : Either(NameFr, NameEn);

    public string? Description(CultureInfo culture) => Descriptions().For(culture).Text;

    public BilingualText Descriptions() => new(DescriptionFr, DescriptionEn);

    /// The price, excluding VAT, for a member holding valid grants of these categories: the lowest reduced
    /// price among them, else the full price; with the category that gave it.
    public (long Cents, MemberCategory? Category) PriceFor(IEnumerable<MemberCategory> granted)
    {
        var best = ReducedPrices.Where(r => granted.Contains(r.Category)).OrderBy(r => r.PriceCents).FirstOrDefault();
        return best is null || best.PriceCents >= PriceCents ? (PriceCents, null) : (best.PriceCents, best.Category);
    }

    private void Apply(OfferTerms t)
    {
        NameFr = t.NameFr.Trim();
        NameEn = t.NameEn.Trim();
        DescriptionFr = string.IsNullOrWhiteSpace(t.DescriptionFr) ? null : t.DescriptionFr.Trim();
        DescriptionEn = string.IsNullOrWhiteSpace(t.DescriptionEn) ? null : t.DescriptionEn.Trim();
        PriceCents = t.PriceCents;
        Currency = t.Currency;
        VatMilliPercent = t.VatMilliPercent;
        PassCount = t.PassCount;
        ValidityDays = t.ValidityDays;
        DaysPerWeek = t.DaysPerWeek;
        Space = t.Space;
        AccessFrom = t.AccessFrom;
        AccessTo = t.AccessTo;
        // New rows each time: owned rows are tracked per instance.
        OpenedLocations = [.. t.OpenedLocations.Select(id => new OpenedLocation(id))];
        Covers = [.. t.Covers.Order().Select(k => new CoveredResource(k))];
        Credits = [.. t.Credits.OrderBy(c => c.Kind).Select(c => new IncludedCredit(c.Kind, c.Amount))];
        ReducedPrices = [.. t.ReducedPrices.OrderBy(r => r.Category).Select(r => new ReducedPrice(r.Category, r.PriceCents))];
        Position = t.Position;
    }

    private static bool InEnglish(CultureInfo culture) => culture.TwoLetterISOLanguageName == "en";

    private static string Either(string first, string second) => first.Length > 0 ? first : second;
}
