namespace Cotravail.Modules.Billing;

/// Pure rules of what a charge costs; no I/O.
internal static class ChargeRules
{
    /// The days of the period an assignment [from, to) covers, and the first and last of them (inclusive).
    public static (int Days, DateOnly First, DateOnly Last) Covered(BillingPeriod period, DateOnly from, DateOnly? to)
    {
        var first = from > period.First ? from : period.First;
        var end = to is { } t && t < period.Next ? t : period.Next;
        var days = end.DayNumber - first.DayNumber;
        return days <= 0 ? (0, first, first) : (days, first, end.AddDays(-1));
    }

    /// Proration rule: a month fully covered costs the monthly price; a month the assignment starts or ends
    /// inside costs monthly price × covered days ÷ days of that month, rounded half away from zero to the cent
    /// (a desk from 16 November costs 15/30 of the month).
    public static long MonthlyShare(long monthlyPriceCents, int coveredDays, int daysInMonth) =>
        coveredDays >= daysInMonth ? monthlyPriceCents
        : coveredDays <= 0 ? 0
        : (long)Math.Round((decimal)monthlyPriceCents * coveredDays / daysInMonth, MidpointRounding.AwayFromZero);
}
