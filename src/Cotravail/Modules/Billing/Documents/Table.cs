using PdfSharp.Drawing;

namespace Cotravail.Modules.Billing;

/// A column of a Table: its width in points and whether its text is right-aligned (amounts).
internal sealed record Column(double Width, bool Right = false);

/// Rows of cells across the page: text wraps, amounts do not (a right-aligned cell reads whole, into the gap at
/// worst), a header's titles do. A row taller than what is left goes to the next page whole, unless it is taller
/// than a page itself (a very long description): then it is cut between its lines.
internal sealed class Table(PageFlow flow, IReadOnlyList<Column> columns, double x = PageFlow.Left)
{
    public const double Gap = 6;
    private const double Padding = 2.5;

    public double Width { get; } = columns.Sum(c => c.Width) + Gap * (columns.Count - 1);

    public void Header(XFont font, IReadOnlyList<string> titles)
    {
        Draw(font, titles, header: true);
        flow.Rule(x, Width, flow.Y);
    }

    public void Row(XFont font, IReadOnlyList<string> cells) => Draw(font, cells, header: false);

    private void Draw(XFont font, IReadOnlyList<string> cells, bool header)
    {
        var height = font.GetHeight();
        var lines = cells.Select((cell, i) => flow.Wrap(cell, font, columns[i].Right && !header ? double.MaxValue : columns[i].Width)).ToList();
        var tallest = lines.Max(l => l.Count);
        var whole = tallest * height + 2 * Padding;
        if (whole > flow.Room && whole <= PageFlow.FreshRoom)
        {
            flow.NewPage();
        }
        for (var first = 0; first < tallest;)
        {
            if (flow.Room < height + 2 * Padding)
            {
                flow.NewPage();
            }
            var count = Math.Min((int)((flow.Room - 2 * Padding) / height), tallest - first);
            var left = x;
            for (var c = 0; c < columns.Count; c++)
            {
                for (var i = first; i < Math.Min(first + count, lines[c].Count); i++)
                {
                    flow.Draw(lines[c][i], font, left, flow.Y + Padding + (i - first) * height, columns[c].Width, columns[c].Right);
                }
                left += columns[c].Width + Gap;
            }
            flow.Y += count * height + 2 * Padding;
            first += count;
            if (first < tallest)
            {
                flow.NewPage();
            }
        }
    }
}
