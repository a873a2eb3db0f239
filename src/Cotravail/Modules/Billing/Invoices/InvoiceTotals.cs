using Cotravail.Common;

namespace Cotravail.Modules.Billing;

/// The totals of a document by the rounding rule of ADR 18: lines are rounded to the cent, then VAT is
/// computed once per rate on the sum of that rate's lines (Common.Vat), then everything is summed.
internal sealed record InvoiceTotals(IReadOnlyList<RateTotal> PerRate, long NetCents, long VatCents, long GrossCents)
{
    public static InvoiceTotals Of(IEnumerable<(long NetCents, int VatMilliPercent)> lines)
    {
        var perRate = lines.GroupBy(l => l.VatMilliPercent).OrderByDescending(g => g.Key)
            .Select(g => g.Sum(l => l.NetCents) is var taxable ? new RateTotal(g.Key, taxable, Vat.On(taxable, g.Key)) : null!)
            .ToList();
        var net = perRate.Sum(r => r.TaxableCents);
        var vat = perRate.Sum(r => r.VatCents);
        return new(perRate, net, vat, net + vat);
    }
}

internal sealed record RateTotal(int MilliPercent, long TaxableCents, long VatCents);
