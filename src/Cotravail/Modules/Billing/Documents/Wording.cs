using System.Globalization;
using Cotravail.Common;
using Cotravail.Modules.Locations;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Billing;

/// The document's language: its texts (L, keys in English) and its formats of amounts, dates, rates and quantities.
internal sealed record Wording(IStringLocalizer L, CultureInfo Culture, string Currency)
{
    public string Money(long cents) => new Money(cents, Currency).Format(Culture);

    public string Date(DateOnly date) => date.ToString("d", Culture);

    /// "20 %" in French, "20%" in English; only the decimals the rate has (5.5, 12.15).
    public string Rate(int milliPercent)
    {
        var decimals = milliPercent % 1000 == 0 ? 0 : milliPercent % 100 == 0 ? 1 : milliPercent % 10 == 0 ? 2 : 3;
        return (VatRate.Percent(milliPercent) / 100m).ToString("P" + decimals.ToString(CultureInfo.InvariantCulture), Culture);
    }

    public string Quantity(decimal quantity) => quantity.ToString("#,0.###", Culture);

    /// One day, or "from … to …" in the document's language.
    public string Period(DateOnly start, DateOnly? end) =>
        end is { } e && e != start ? L["{0} to {1}", Date(start), Date(e)] : Date(start);
}
