using Cotravail.Common.Errors;

namespace Cotravail.Modules.Offers;

/// The offer's rules as pure functions: what each kind carries, and the invariants an offer keeps.
internal static class OfferRules
{
    public static bool IsPass(OfferKind kind) => kind is OfferKind.HalfDayPass or OfferKind.DayPass or OfferKind.WeekPass;

    public static bool IsPlan(OfferKind kind) => kind is OfferKind.MonthlyPlan or OfferKind.AnnualPlan;

    /// Passes, bundles and plans open spaces; the membership fee and products sell nothing one books.
    public static bool IsUsage(OfferKind kind) => kind is not (OfferKind.MembershipFee or OfferKind.Product);

    /// What a pass lasts when the operator does not say: a day, or a week.
    public static int? DefaultValidityDays(OfferKind kind) => kind switch
    {
        OfferKind.HalfDayPass or OfferKind.DayPass => 1,
        OfferKind.WeekPass => 7,
        _ => null,
    };

    /// The offer's invariants, each refusal naming the field of OfferInput it concerns.
    public static Invalid? Check(Guid? locationId, OfferTerms t)
    {
        var kind = t.Kind;
        if (string.IsNullOrWhiteSpace(t.NameFr) && string.IsNullOrWhiteSpace(t.NameEn))
        {
            return new Invalid("NameFr", OfferMessages.NameRequired);
        }
        if (t.PriceCents < 0)
        {
            return new Invalid("Price", OfferMessages.NegativePrice);
        }
        if (t.VatMilliPercent is < 0 or > 100_000)
        {
            return new Invalid("VatPercent", OfferMessages.UnknownVatRate);
        }
        if (kind == OfferKind.Bundle ? t.PassCount is not (> 0 and <= Offer.MaxPasses) : t.PassCount is not null)
        {
            return new Invalid("PassCount", kind == OfferKind.Bundle ? OfferMessages.BundleNeedsPasses : OfferMessages.PassCountForBundles);
        }
        if (IsPass(kind) || kind == OfferKind.Bundle ? t.ValidityDays is not (> 0 and <= Offer.MaxValidityDays) : t.ValidityDays is not null)
        {
            return new Invalid("ValidityDays", IsPass(kind) || kind == OfferKind.Bundle ? OfferMessages.ValidityNeeded : OfferMessages.ValidityForPasses);
        }
        if (IsPlan(kind) ? t.DaysPerWeek is not (null or (>= 1 and <= 5)) : t.DaysPerWeek is not null)
        {
            return new Invalid("DaysPerWeek", IsPlan(kind) ? OfferMessages.DaysPerWeekRange : OfferMessages.PlansOnly);
        }
        if (IsPlan(kind) ? t.Space is null || !Enum.IsDefined(t.Space.Value) : t.Space is not null)
        {
            return new Invalid("Space", IsPlan(kind) ? OfferMessages.SpaceNeeded : OfferMessages.PlansOnly);
        }
        if ((t.AccessFrom is null) != (t.AccessTo is null))
        {
            return new Invalid(t.AccessFrom is null ? "AccessFrom" : "AccessTo", OfferMessages.AccessBoth);
        }
        if (t.AccessFrom is { } from && t.AccessTo is { } to && from >= to)
        {
            return new Invalid("AccessTo", OfferMessages.AccessOrder);
        }
        if (!IsUsage(kind) && (t.AccessFrom is not null || t.Covers.Count > 0 || t.Credits.Count > 0))
        {
            return new Invalid(t.AccessFrom is not null ? "AccessFrom" : t.Covers.Count > 0 ? "ResourceKinds" : "Credits", OfferMessages.NothingToOpen);
        }
        if (IsUsage(kind) && t.Covers.Count == 0)
        {
            return new Invalid("ResourceKinds", OfferMessages.CoverSomething);
        }
        if (t.Covers.Any(c => !Enum.IsDefined(c)) || t.Covers.Distinct().Count() != t.Covers.Count)
        {
            return new Invalid("ResourceKinds", OfferMessages.UnknownOrRepeated);
        }
        if (locationId is not null && t.OpenedLocations.Count > 0)
        {
            return new Invalid("LocationIds", OfferMessages.LocationOpensItself);
        }
        if (t.OpenedLocations.Distinct().Count() != t.OpenedLocations.Count)
        {
            return new Invalid("LocationIds", OfferMessages.UnknownOrRepeated);
        }
        if (t.Credits.Count > 0 && !(IsPlan(kind) || kind == OfferKind.Bundle))
        {
            return new Invalid("Credits", OfferMessages.CreditsForPlansAndBundles);
        }
        if (t.Credits.Any(c => c.Amount is <= 0 or > Offer.MaxCredit || !Enum.IsDefined(c.Kind)) || t.Credits.DistinctBy(c => c.Kind).Count() != t.Credits.Count)
        {
            return new Invalid("Credits", OfferMessages.CreditAmount);
        }
        if (t.ReducedPrices.Any(r => !Enum.IsDefined(r.Category)) || t.ReducedPrices.DistinctBy(r => r.Category).Count() != t.ReducedPrices.Count)
        {
            return new Invalid("ReducedPrices", OfferMessages.UnknownOrRepeated);
        }
        if (t.ReducedPrices.Any(r => r.PriceCents < 0 || r.PriceCents > t.PriceCents))
        {
            return new Invalid("ReducedPrices", OfferMessages.ReducedAboveFull);
        }
        return null;
    }
}
