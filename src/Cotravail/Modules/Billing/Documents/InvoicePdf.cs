using System.Globalization;
using Cotravail.Common.Email;
using Cotravail.Common.Localization;
using Microsoft.Extensions.Localization;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Cotravail.Modules.Billing;

/// Renders an issued invoice or credit note as a PDF in the customer's language, with the mentions French law asks of an invoice.
internal sealed class InvoicePdf
{
    private readonly IStringLocalizer<SharedResource> l;

    public InvoicePdf(IStringLocalizer<SharedResource> l)
    {
        this.l = l;
        // One resolver per process (PDFsharp's global); its setter locks and ignores a second instance of the same type, so racing hosts are safe.
        if (GlobalFontSettings.FontResolver is not DejaVuFonts)
        {
            GlobalFontSettings.FontResolver = new DejaVuFonts();
        }
    }

    /// "Facture-F-000042.pdf", "Invoice-F-000042.pdf", "Avoir-AV-000003.pdf", "CreditNote-AV-000003.pdf".
    public static string FileName(InvoicePrint print)
    {
        var french = Language(print) == "fr";
        var kind = print.Kind == DocumentKind.Invoice ? (french ? "Facture" : "Invoice") : (french ? "Avoir" : "CreditNote");
        var number = string.Concat(print.Number.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-'));
        return $"{kind}-{number}.pdf";
    }

    public byte[] Render(InvoicePrint print)
    {
        var language = Language(print);
        var (previousUi, previous) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            // The localizer reads the thread's culture, as the outbox's emails do; formats follow the region most users have.
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(language == "en" ? "en-GB" : "fr-FR");
            return Compose(print, new Wording(l, CultureInfo.CurrentCulture, print.Currency));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previousUi;
            CultureInfo.CurrentCulture = previous;
        }
    }

    private static byte[] Compose(InvoicePrint print, Wording w)
    {
        using var document = new PdfDocument();
        document.Info.Title = FileName(print);
        document.Info.Creator = "Cotravail";
        var fonts = PrintFonts.Create();
        using (var flow = new PageFlow(document, fonts))
        {
            InvoiceHeading.Draw(flow, print, w);
            LinesTable.Draw(flow, print, w);
            TotalsBlock.Draw(flow, print, w);
            InvoiceMentions.Draw(flow, print, w);
        }
        PageFooter.Draw(document, w, fonts, print);
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private static string Language(InvoicePrint print) =>
        LocalizationModule.Languages.Contains(print.Language) ? print.Language : Outbox.DefaultCulture;
}
