namespace Cotravail.Common;

/// The VAT rounding rule (docs/decisions/0018): amounts excluding VAT are rounded to the cent per
/// line; VAT is computed once per rate on the sum of that rate's lines and rounded half away from
/// zero; the total is the sum of both. A price shown "incl. VAT" is one line at that rule.
internal static class Vat
{
    /// VAT in cents on an amount excluding VAT, rate in thousandths of a percent (20_000 = 20 %).
    public static long On(long netCents, int milliPercent) =>
        (long)Math.Round(netCents * (decimal)milliPercent / 100_000m, MidpointRounding.AwayFromZero);

    /// The amount including VAT of one amount excluding VAT.
    public static long Gross(long netCents, int milliPercent) => netCents + On(netCents, milliPercent);

    /// A line's amount excluding VAT: unit price × quantity, rounded half away from zero, less its discount.
    public static long LineNet(long unitPriceCents, decimal quantity, long discountCents) =>
        (long)Math.Round(unitPriceCents * quantity, MidpointRounding.AwayFromZero) - discountCents;
}
