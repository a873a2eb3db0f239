using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Cotravail.Modules.Billing;

/// The invoice's type faces, made per document: Unicode encoding, so the text extracts (pdftotext, screen
/// readers, archiving) with its accents, € and no-break spaces.
internal sealed record PrintFonts(XFont Body, XFont Bold, XFont Title, XFont Small, XFont Tiny)
{
    public static PrintFonts Create()
    {
        var unicode = new XPdfFontOptions(PdfFontEncoding.Unicode);
        XFont Font(double size, XFontStyleEx style = XFontStyleEx.Regular) => new(DejaVuFonts.Family, size, style, unicode);
        return new(Font(8), Font(8, XFontStyleEx.Bold), Font(18, XFontStyleEx.Bold), Font(7.5), Font(6));
    }
}
