namespace Cotravail.Modules.Billing;

/// Resource keys of charges and billing runs (French in tools/fr-charges.tsv).
internal static class ChargeMessages
{
    public const string LateCancellation = "Late cancellation: {0}";
    public const string DaysOfMonth = "{0} of {1} days";
    public const string NotAPeriod = "Give a month such as 2026-11.";
    public const string RunExists = "A billing run of this period exists already.";
    public const string NotDrafted = "The run has not finished drafting its invoices yet.";
}
