using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Cotravail.Modules.Billing;

/// Drawn on every page once all are laid out, since "page n / N" needs N: the footprint of the issued content,
/// small, and when there is more than one page the document's number and the page's, so a loose page is known.
internal static class PageFooter
{
    private const double Baseline = 805;

    public static void Draw(PdfDocument document, Wording w, PrintFonts fonts, InvoicePrint print)
    {
        var count = document.PageCount;
        for (var n = 1; n <= count; n++)
        {
            using var graphics = XGraphics.FromPdfPage(document.Pages[n - 1], XGraphicsPdfPageOptions.Append);
            graphics.DrawLine(XPens.LightGray, PageFlow.Left, Baseline - 4, PageFlow.Right, Baseline - 4);
            var height = fonts.Tiny.GetHeight();
            graphics.DrawString(w.L["SHA-256 footprint: {0}", print.Footprint], fonts.Tiny, XBrushes.DimGray,
                new XRect(PageFlow.Left, Baseline, PageFlow.Width - 120, height), XStringFormats.TopLeft);
            if (count > 1)
            {
                graphics.DrawString($"{print.Number} · {w.L["page {0} / {1}", n, count]}", fonts.Small, XBrushes.Black,
                    new XRect(PageFlow.Right - 120, Baseline, 120, height), XStringFormats.TopRight);
            }
        }
    }
}
