using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Cotravail.Modules.Billing;

/// Lays text down A4 pages from top to bottom: a cursor (Y), wrapping, right alignment, and a new page when the
/// next piece does not fit, where OnNewPage redraws what each page repeats (the lines table's header).
internal sealed class PageFlow(PdfDocument document, PrintFonts fonts) : IDisposable
{
    public const double Left = 42;
    public const double Right = 553;
    public const double Width = Right - Left;
    private const double Top = 42;
    private const double Bottom = 785; // the footer (footprint, page n / N) lies below

    private XGraphics graphics = Start(document);

    public PrintFonts Fonts { get; } = fonts;

    public double Y { get; set; } = Top;

    public Action? OnNewPage { get; set; }

    /// The height left on this page; a fresh page's is the most any piece can have.
    public double Room => Bottom - Y;

    public static double FreshRoom => Bottom - Top;

    public void Ensure(double height)
    {
        if (height > Room)
        {
            NewPage();
        }
    }

    public void NewPage()
    {
        graphics.Dispose();
        graphics = Start(document);
        Y = Top;
        OnNewPage?.Invoke();
    }

    public List<string> Wrap(string text, XFont font, double width) =>
        TextWrap.Lines(text, width, s => graphics.MeasureString(s, font).Width);

    public void Draw(string text, XFont font, double x, double y, double width, bool right = false) =>
        graphics.DrawString(text, font, XBrushes.Black, new XRect(x, y, width, font.GetHeight()), right ? XStringFormats.TopRight : XStringFormats.TopLeft);

    public void Rule(double x, double width, double y) => graphics.DrawLine(XPens.Gray, x, y, x + width, y);

    /// Text over a width, line after line, breaking the page between lines when needed.
    public void Paragraph(string text, XFont font, double x = Left, double width = Width, bool right = false)
    {
        var height = font.GetHeight();
        foreach (var line in Wrap(text, font, width))
        {
            Ensure(height);
            Draw(line, font, x, Y, width, right);
            Y += height;
        }
    }

    /// Lines drawn from the cursor down without page break (the heading's blocks, all on the first page); gives their height.
    public double Block(IEnumerable<(string Text, XFont Font)> lines, double x, double width)
    {
        var y = Y;
        foreach (var (text, font) in lines)
        {
            foreach (var line in Wrap(text, font, width))
            {
                Draw(line, font, x, y, width);
                y += font.GetHeight();
            }
        }
        return y - Y;
    }

    public void Dispose() => graphics.Dispose();

    private static XGraphics Start(PdfDocument document)
    {
        var page = document.AddPage();
        page.Size = PageSize.A4;
        return XGraphics.FromPdfPage(page);
    }
}
