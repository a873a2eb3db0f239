namespace Cotravail.Modules.Subscriptions;

/// Subscription messages, resource keys shown by the field they concern.
internal static class SubscriptionMessages
{
    public const string OfferNotSold = "This offer is not on sale.";
    public const string ProductsAreCharges = "A product is sold once at the desk (a charge), not subscribed to.";
    public const string NotValidThere = "This offer is not valid at the member's home location.";
    public const string StartTooEarly = "A subscription starts today or later.";
    public const string StartTooFar = "A subscription starts within a year.";
    public const string StaffStartRange = "Give a start within a year before or after today.";
    public const string NoCompany = "This member belongs to no company that could pay.";
    public const string NotYourMember = "You can subscribe only yourself, or a member of a location you run.";
    public const string AlreadyEnded = "This subscription has ended.";
    public const string EndBeforeNotice = "This day falls within the notice period: choose a later last day (the earliest is shown with the subscription).";
    public const string EndBeforeStart = "A subscription cannot end before it starts.";
    public const string AnnualEndsWithTerm = "A yearly subscription ends on the last day of a year it was paid for.";
    public const string PassesRunOut = "A pass or a bundle ends with its validity: it is not cancelled.";
    public const string OnlyMonthlyPause = "Only monthly plans are paused (a year is paid whole).";
    public const string PauseOrder = "A pause ends on or after the day it starts.";
    public const string PauseTooLong = "A pause lasts at most three months.";
    public const string PauseInPast = "A pause starts today or later.";
    public const string PauseOutside = "A pause falls within the subscription's dates.";
    public const string PauseOverlap = "This pause overlaps another one.";
    public const string ChangeToPlan = "A plan is changed for another monthly or annual plan.";
    public const string ChangeFromPlan = "Only plans are changed; buy another pass instead.";
    public const string ChangeAnnualAtTerm = "A yearly plan is changed on the day after a year paid for ends.";
    public const string ChangeInPast = "A change takes effect today or later.";
    public const string NotADate = "Give a date such as 2026-12-01.";
}
