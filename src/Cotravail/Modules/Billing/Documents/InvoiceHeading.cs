using PdfSharp.Drawing;

namespace Cotravail.Modules.Billing;

/// The top of the first page: the seller's identity (left), title, number and dates (right), the buyer, then
/// the service's date or period and, on a credit note, the invoice it corrects.
internal static class InvoiceHeading
{
    private const double RightColumn = 330;

    public static void Draw(PageFlow flow, InvoicePrint print, Wording w)
    {
        var fonts = flow.Fonts;
        var top = flow.Y;
        var seller = flow.Block(InvoiceParties.Seller(print, w, fonts), PageFlow.Left, RightColumn - PageFlow.Left - 12);
        flow.Y = top + flow.Block(Title(print, w, fonts), RightColumn, PageFlow.Right - RightColumn) + 14;
        flow.Y += flow.Block(InvoiceParties.Buyer(print, w, fonts), RightColumn, PageFlow.Right - RightColumn);
        flow.Y = Math.Max(top + seller, flow.Y) + 14;
        if (print.PeriodStart is { } start)
        {
            var period = w.Period(start, print.PeriodEnd);
            flow.Paragraph(print.PeriodEnd is { } end && end != start ? w.L["Service period: {0}", period] : w.L["Date of service: {0}", period], fonts.Body);
        }
        if (print.Kind == DocumentKind.CreditNote && print.CorrectsNumber is { } corrected)
        {
            flow.Paragraph(print.CorrectsIssueDate is { } date
                ? w.L["Credit note for invoice {0} of {1}", corrected, w.Date(date)]
                : w.L["Credit note for invoice {0}", corrected], fonts.Bold);
        }
        flow.Paragraph(w.L["Nature of the operation: {0}", w.L["Supply of services"]], fonts.Body);
        flow.Y += 10;
    }

    private static IEnumerable<(string, XFont)> Title(InvoicePrint print, Wording w, PrintFonts fonts)
    {
        // The title is printed in capitals; the key is the word the pages show too.
        yield return ((print.Kind == DocumentKind.Invoice ? w.L["Invoice"] : w.L["Credit note"]).Value.ToUpper(w.Culture), fonts.Title);
        yield return (w.L["No. {0}", print.Number], fonts.Bold);
        yield return (w.L["Issue date: {0}", w.Date(print.IssueDate)], fonts.Body);
        if (print.DueDate is { } due)
        {
            yield return (w.L["Due date: {0}", w.Date(due)], fonts.Body);
        }
        else if (print.Kind == DocumentKind.Invoice)
        {
            yield return (w.L["Payable on receipt"], fonts.Body);
        }
    }
}
