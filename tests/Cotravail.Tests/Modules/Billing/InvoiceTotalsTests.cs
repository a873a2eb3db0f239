using Cotravail.Common;
using Cotravail.Modules.Billing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Cotravail.Tests.Modules.Billing;

/// The rounding rule of ADR 18 as properties: lines rounded to the cent, VAT once per rate on their
/// sum, half away from zero; a credit note of every line gives back exactly the invoice's totals.
public sealed class InvoiceTotalsTests
{
    private static readonly int[] Rates = [20_000, 10_000, 5_500, 2_100, 0];

    private static Arbitrary<(long Unit, decimal Quantity, long Discount, int Rate)[]> Lines() =>
        Gen.Choose(1, 30).SelectMany(count => Gen.ArrayOf(
            from unit in Gen.Choose(0, 500_000)
            from thousandths in Gen.Choose(1, 100_000)
            from rate in Gen.Elements(Rates)
            from discountShare in Gen.Choose(0, 100)
            let quantity = thousandths / 1000m
            let gross = (long)Math.Round(unit * quantity, MidpointRounding.AwayFromZero)
            select ((long)unit, quantity, gross * discountShare / 100, rate), count)).ToArbitrary();

    [Property(MaxTest = 300)]
    public Property Totals_add_up_and_each_rate_is_within_half_a_cent_of_the_exact_VAT() => Prop.ForAll(Lines(), lines =>
    {
        var built = lines.Select(l => new InvoiceLine("x", l.Quantity, l.Unit, l.Discount, l.Rate)).ToList();
        var totals = InvoiceTotals.Of(built.Select(l => (l.NetCents, l.VatMilliPercent)));
        var exact = built.GroupBy(l => l.VatMilliPercent).ToDictionary(g => g.Key, g => g.Sum(l => l.NetCents) * (decimal)g.Key / 100_000m);
        return totals.NetCents == built.Sum(l => l.NetCents)
            && totals.VatCents == totals.PerRate.Sum(r => r.VatCents)
            && totals.GrossCents == totals.NetCents + totals.VatCents
            && totals.PerRate.All(r => Math.Abs(r.VatCents - exact[r.MilliPercent]) <= 0.5m)
            && built.All(l => l.NetCents >= 0);
    });

    [Property(MaxTest = 300)]
    public Property Crediting_every_line_gives_back_the_same_totals_rate_by_rate() => Prop.ForAll(Lines(), lines =>
    {
        var built = lines.Select(l => new InvoiceLine("x", l.Quantity, l.Unit, l.Discount, l.Rate)).ToList();
        var credit = built.Select(l => l.CreditOf(l.Quantity)).ToList();
        var invoice = InvoiceTotals.Of(built.Select(l => (l.NetCents, l.VatMilliPercent)));
        var note = InvoiceTotals.Of(credit.Select(l => (l.NetCents, l.VatMilliPercent)));
        return note.PerRate.SequenceEqual(invoice.PerRate) && note.GrossCents == invoice.GrossCents;
    });

    [Theory]
    [InlineData(1, 20_000, 0)] // 0.2 cent
    [InlineData(3, 20_000, 1)] // 0.6 cent
    [InlineData(25, 10_000, 3)] // 2.5 cents: half away from zero
    [InlineData(805, 5_500, 44)] // 44.275 cents
    public void VAT_is_rounded_half_away_from_zero(long net, int rate, long vat) => Vat.On(net, rate).ShouldBe(vat);
}
