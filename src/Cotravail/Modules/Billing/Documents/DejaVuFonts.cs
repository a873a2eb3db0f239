using PdfSharp.Fonts;

namespace Cotravail.Modules.Billing;

/// PDFsharp's font resolver on Linux: Debian's DejaVu Sans (package fonts-dejavu-core), which covers French
/// accents, €, and the no-break and narrow no-break spaces of French number formats.
internal sealed class DejaVuFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string Folder = "/usr/share/fonts/truetype/dejavu";
    private const string Regular = "DejaVuSans";
    private const string Bold = "DejaVuSans-Bold";

    // Italic is never asked for by the invoice; any other family falls back to DejaVu Sans as well.
    public FontResolverInfo ResolveTypeface(string familyName, bool isBold, bool isItalic) => new(isBold ? Bold : Regular);

    public byte[] GetFont(string faceName)
    {
        var path = Path.Combine(Folder, faceName + ".ttf");
        return File.Exists(path)
            ? File.ReadAllBytes(path)
            : throw new FileNotFoundException($"Invoice PDFs need the DejaVu fonts: apt-get install fonts-dejavu-core ({path} is missing).", path);
    }
}
