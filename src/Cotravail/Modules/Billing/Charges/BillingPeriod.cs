using System.Globalization;

namespace Cotravail.Modules.Billing;

/// A billing period: one calendar month of local dates [First, Next), written "2026-11".
internal readonly record struct BillingPeriod(int Year, int Month)
{
    public const string Pattern = "^[0-9]{4}-(0[1-9]|1[0-2])$";

    public DateOnly First => new(Year, Month, 1);

    /// The first day of the next month (exclusive end).
    public DateOnly Next => First.AddMonths(1);

    public int Days => DateTime.DaysInMonth(Year, Month);

    public static bool TryParse(string? text, out BillingPeriod period)
    {
        period = default;
        if (!DateOnly.TryParseExact($"{text?.Trim()}-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
        {
            return false;
        }
        period = new BillingPeriod(first.Year, first.Month);
        return true;
    }

    public static BillingPeriod Of(DateOnly date) => new(date.Year, date.Month);

    public override string ToString() => $"{Year:D4}-{Month:D2}";
}
