using System.Collections.Frozen;
using System.Globalization;

namespace Cotravail.Common;

/// Amounts are integer minor units (cents) with an ISO 4217 code, so both engines sum them in SQL (docs/architecture.md, Data).
internal readonly record struct Money(long Cents, string Currency)
{
    private static readonly FrozenDictionary<string, string> Symbols = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["EUR"] = "€", ["CHF"] = "CHF", ["GBP"] = "£", ["USD"] = "$", ["CAD"] = "$ CA", ["XPF"] = "XPF",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static readonly string[] SupportedCurrencies = [.. Symbols.Keys];

    public string Format(CultureInfo culture)
    {
        var format = (NumberFormatInfo)culture.NumberFormat.Clone();
        format.CurrencySymbol = Symbols.GetValueOrDefault(Currency, Currency);
        var digits = Currency is "XPF" ? 0 : 2;
        format.CurrencyDecimalDigits = digits;
        return (Cents / (decimal)Math.Pow(10, digits)).ToString("C", format);
    }

    public override string ToString() => Format(CultureInfo.CurrentCulture);
}
