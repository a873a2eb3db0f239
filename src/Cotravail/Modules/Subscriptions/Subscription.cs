using Cotravail.Modules.Offers;

namespace Cotravail.Modules.Subscriptions;

/// Where a subscription stands on a given day (computed, never stored).
internal enum SubscriptionState
{
    Upcoming,
    Active,
    Paused,
    Ended,
}

/// What a member holds from the catalogue: a pass, a bundle of passes, a monthly or annual plan, the yearly
/// membership (ADR 21). It copies the price and VAT rate it was sold at; the offer (never deleted) says what
/// it opens and covers. Passes and bundles end when their validity does; plans run until cancelled, renewing
/// each month or year, and may be paused. Paid by the member, or by their company when the company pays.
internal sealed class Subscription
{
    private Subscription()
    {
    }

    public Subscription(Guid memberId, Offer offer, Guid locationId, Guid? payerCompanyId, long priceCents, DateOnly startsOn, int noticeDays,
        Guid createdByUserId, DateTime now)
    {
        Id = Guid.CreateVersion7();
        MemberId = memberId;
        OfferId = offer.Id;
        Kind = offer.Kind;
        LocationId = locationId;
        PayerCompanyId = payerCompanyId;
        PriceCents = priceCents;
        VatMilliPercent = offer.VatMilliPercent;
        Currency = offer.Currency;
        StartsOn = startsOn;
        EndsOn = offer.ValidityDays is { } days && !IsPlanKind(offer.Kind) ? startsOn.AddDays(days - 1) : null;
        NoticeDays = noticeDays;
        CreatedByUserId = createdByUserId;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid MemberId { get; private set; }

    public Guid OfferId { get; private set; }

    public OfferKind Kind { get; private set; }

    /// The location that sold it: the offer's, or the member's home location for a network offer.
    public Guid LocationId { get; private set; }

    /// The company that pays for it; null when the member pays.
    public Guid? PayerCompanyId { get; private set; }

    /// Excluding VAT, as sold (a reduced price when the member held a grant): per month of a monthly plan,
    /// per year of an annual plan or of the membership, once for a pass or a bundle.
    public long PriceCents { get; private set; }

    public int VatMilliPercent { get; private set; }

    public string Currency { get; private set; } = "EUR";

    /// Local dates of the location, both inclusive.
    public DateOnly StartsOn { get; private set; }

    /// Null: a plan that renews until it is cancelled.
    public DateOnly? EndsOn { get; private set; }

    /// Days of notice a cancellation gives (plans): the earliest end is today plus this.
    public int NoticeDays { get; private set; }

    public DateTime? CancelledAt { get; private set; }

    /// The subscription that replaced it on a change of plan.
    public Guid? ReplacedById { get; private set; }

    public Guid CreatedByUserId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public List<SubscriptionPause> Pauses { get; private set; } = [];

    public bool IsPlan => IsPlanKind(Kind);

    /// A plan or the membership: billed per period while it runs.
    public bool IsRecurring => Kind is OfferKind.MonthlyPlan or OfferKind.AnnualPlan or OfferKind.MembershipFee;

    public bool IsPass => Kind is OfferKind.HalfDayPass or OfferKind.DayPass or OfferKind.WeekPass or OfferKind.Bundle;

    public static bool IsPlanKind(OfferKind kind) => kind is OfferKind.MonthlyPlan or OfferKind.AnnualPlan;

    public bool Covers(DateOnly day) => StartsOn <= day && (EndsOn is null || day <= EndsOn) && !PausedOn(day);

    public bool PausedOn(DateOnly day) => Pauses.Any(p => p.From <= day && day <= p.To);

    public SubscriptionState StateOn(DateOnly day) =>
        day < StartsOn ? SubscriptionState.Upcoming
        : EndsOn is { } end && day > end ? SubscriptionState.Ended
        : PausedOn(day) ? SubscriptionState.Paused
        : SubscriptionState.Active;

    /// The term of a yearly subscription (annual plan, membership) that holds this day: each term starts on
    /// the anniversary of StartsOn.
    public (DateOnly First, DateOnly Last) YearTermOf(DateOnly day)
    {
        var years = day.Year - StartsOn.Year - (day < StartsOn.AddYears(day.Year - StartsOn.Year) ? 1 : 0);
        var first = StartsOn.AddYears(Math.Max(0, years));
        return (first, first.AddYears(1).AddDays(-1));
    }

    /// Ends it on this day (inclusive): a cancellation, a change of plan, or the end of a pass brought forward by staff.
    public void EndOn(DateOnly last, DateTime now, Guid? replacedBy = null)
    {
        EndsOn = last;
        CancelledAt = now;
        ReplacedById = replacedBy;
    }

    public void Pause(DateOnly from, DateOnly to) => Pauses.Add(new SubscriptionPause(from, to));
}

/// Days a plan is paused (both inclusive): not billed, not usable.
internal sealed record SubscriptionPause(DateOnly From, DateOnly To);
