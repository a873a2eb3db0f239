using System.Globalization;
using Cotravail.Common;

namespace Cotravail.Modules.Billing.Admin;

/// How the run pages word a run: its status as a resource key, its period as a month name, its amount.
internal static class RunText
{
    public static string Of(BillingRunStatus status) => status switch
    {
        BillingRunStatus.Collecting => "Collecting the charges",
        BillingRunStatus.Drafting => "Drafting",
        BillingRunStatus.Drafted => "Drafted, to review",
        BillingRunStatus.Issuing => "Issuing",
        BillingRunStatus.Done => "All issued",
        BillingRunStatus.Failed => "Stopped by an error",
        BillingRunStatus.Cancelled => "Cancelled",
        _ => status.ToString(),
    };

    /// "novembre 2026" / "November 2026".
    public static string Month(string period) =>
        BillingPeriod.TryParse(period, out var p) ? p.First.ToString("MMMM yyyy", CultureInfo.CurrentCulture) : period;

    /// A run sums its drafts' totals in cents whatever their currency; the network bills in euros.
    public static string Amount(long cents) => new Money(cents, "EUR").Format(CultureInfo.CurrentCulture);
}
