namespace Cotravail.Modules.Billing;

/// The VAT breakdown per rate (taxable base, VAT), then the totals on the right: excluding VAT, VAT, including VAT,
/// amount due. Under the VAT franchise there is no VAT to break down: total and amount due only.
internal static class TotalsBlock
{
    private const double Labels = 130;
    private const double Amounts = 80;

    public static void Draw(PageFlow flow, InvoicePrint print, Wording w)
    {
        var fonts = flow.Fonts;
        var franchise = print.Seller.VatFranchise;
        if (!franchise && print.VatBreakdown.Count > 0)
        {
            flow.Ensure(fonts.Body.GetHeight() * (print.VatBreakdown.Count + 1) + 20);
            var breakdown = new Table(flow, [new(110), new(Amounts, Right: true), new(Amounts, Right: true)]);
            breakdown.Header(fonts.Bold, [w.L["VAT rate"], w.L["Taxable base"], w.L["VAT amount"]]);
            foreach (var rate in print.VatBreakdown)
            {
                breakdown.Row(fonts.Body, [w.L["VAT {0}", w.Rate(rate.VatMilliPercent)], w.Money(rate.TaxableCents), w.Money(rate.VatCents)]);
            }
            flow.Y += 10;
        }
        List<(string Label, long Cents)> rows = franchise
            ? [(w.L["Total excl. VAT"], print.NetTotalCents)]
            : [(w.L["Total excl. VAT"], print.NetTotalCents), (w.L["Total VAT"], print.VatTotalCents), (w.L["Total incl. VAT"], print.GrossTotalCents)];
        flow.Ensure(fonts.Body.GetHeight() * (rows.Count + 1) + 20);
        var totals = new Table(flow, [new(Labels), new(Amounts, Right: true)], PageFlow.Right - Labels - Amounts - 6);
        foreach (var (label, cents) in rows)
        {
            totals.Row(fonts.Body, [label, w.Money(cents)]);
        }
        flow.Rule(PageFlow.Right - totals.Width, totals.Width, flow.Y);
        var due = print.Kind == DocumentKind.Invoice ? w.L["Amount due"] : w.L["Amount credited"];
        totals.Row(fonts.Bold, [due, w.Money(print.AmountDueCents)]);
        flow.Y += 12;
    }
}
