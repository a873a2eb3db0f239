namespace Cotravail.Modules.Billing;

/// The invoice lines: description (with the line's own period), quantity, unit price and discount excluding VAT,
/// VAT rate, amount excluding VAT. The discount column shows only when a line has one, the rate only when VAT
/// applies; the header is repeated on every page the lines run onto.
internal static class LinesTable
{
    public static void Draw(PageFlow flow, InvoicePrint print, Wording w)
    {
        var discounts = print.Lines.Any(l => l.DiscountCents != 0);
        var vat = !print.Seller.VatFranchise;
        var columns = new List<(string Header, Column Column, Func<PrintLine, string> Cell)>
        {
            (w.L["Qty"], new(32, Right: true), l => w.Quantity(l.Quantity)),
            (w.L["Unit price excl. VAT"], new(64, Right: true), l => w.Money(l.UnitPriceCents)),
        };
        if (discounts)
        {
            columns.Add((w.L["Discount"], new(56, Right: true), l => l.DiscountCents == 0 ? "" : w.Money(l.DiscountCents)));
        }
        if (vat)
        {
            columns.Add((w.L["VAT"], new(38, Right: true), l => w.Rate(l.VatMilliPercent)));
        }
        columns.Add((w.L["Amount excl. VAT"], new(70, Right: true), l => w.Money(l.NetCents)));
        var rest = columns.Sum(c => c.Column.Width + Table.Gap);
        columns.Insert(0, (w.L["Description"], new(PageFlow.Width - rest), Describe));

        var table = new Table(flow, [.. columns.Select(c => c.Column)]);
        string[] headers = [.. columns.Select(c => c.Header)];
        void Header() => table.Header(flow.Fonts.Bold, headers);

        flow.Ensure(4 * flow.Fonts.Bold.GetHeight()); // no header alone at the foot of a page
        Header();
        flow.OnNewPage = Header;
        foreach (var line in print.Lines)
        {
            table.Row(flow.Fonts.Body, [.. columns.Select(c => c.Cell(line))]);
        }
        flow.OnNewPage = null;
        flow.Rule(PageFlow.Left, table.Width, flow.Y);
        flow.Y += 10;

        string Describe(PrintLine line) =>
            line.PeriodStart is { } start ? line.Description + "\n" + w.Period(start, line.PeriodEnd) : line.Description;
    }
}
