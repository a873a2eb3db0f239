using Cotravail.Modules.Members;
using Cotravail.Modules.Resources;

namespace Cotravail.Modules.Offers;

internal enum OfferKind
{
    HalfDayPass,
    DayPass,
    WeekPass,

    /// N passes of one day each (PassCount), usable within ValidityDays of the purchase.
    Bundle,
    MonthlyPlan,
    AnnualPlan,

    /// The yearly membership fee (adhésion), kept apart from what one uses.
    MembershipFee,

    /// A one-off sale: a locker key, the setting up of a business address…
    Product,
}

/// Where a plan's holder works.
internal enum PlanSpace
{
    OpenSpace,
    DedicatedDesk,
    PrivateOffice,
}

internal enum CreditKind
{
    MeetingRoomHours,
    PrintPages,
}

/// A location a network offer is valid at; none listed means all of them.
internal sealed record OpenedLocation(Guid LocationId);

/// A kind of resource whose bookings, at the locations the offer opens, its holders have covered (by later subscriptions).
internal sealed record CoveredResource(ResourceKind Kind);

/// Credits included per period: per month of a plan (monthly or annual), per validity of a bundle.
internal sealed record IncludedCredit(CreditKind Kind, int Amount);

/// The price, excluding VAT, for the members holding a valid reduced-rate grant of the category.
internal sealed record ReducedPrice(MemberCategory Category, long PriceCents);

/// What an offer says, checked by OfferRules.Check before an offer takes it.
internal sealed record OfferTerms(
    OfferKind Kind,
    string NameFr,
    string NameEn,
    string? DescriptionFr,
    string? DescriptionEn,
    long PriceCents,
    string Currency,
    int VatMilliPercent,
    int? PassCount,
    int? ValidityDays,
    int? DaysPerWeek,
    PlanSpace? Space,
    TimeOnly? AccessFrom,
    TimeOnly? AccessTo,
    IReadOnlyList<Guid> OpenedLocations,
    IReadOnlyList<ResourceKind> Covers,
    IReadOnlyList<IncludedCredit> Credits,
    IReadOnlyList<ReducedPrice> ReducedPrices,
    int Position);
