namespace Cotravail.Modules.Billing;

/// Word wrapping for the PDF: PDFsharp's XTextFormatter draws but does not say how tall a text turns out, which a
/// table row and a page break need to know before drawing.
internal static class TextWrap
{
    /// Lines no wider than `width`: broken at plain spaces (a no-break space keeps "40 €" whole), at the text's own
    /// line breaks, and inside a word only when the word alone is wider than the line.
    public static List<string> Lines(string text, double width, Func<string, double> measure)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (measure(candidate) <= width)
                {
                    line = candidate;
                    continue;
                }
                if (line.Length > 0)
                {
                    lines.Add(line);
                }
                line = word;
                while (line.Length > 1 && measure(line) > width)
                {
                    var cut = Fit(line, width, measure);
                    lines.Add(line[..cut]);
                    line = line[cut..];
                }
            }
            lines.Add(line);
        }
        return lines;
    }

    /// How many leading characters of `word` fit (at least one), found by halving.
    private static int Fit(string word, double width, Func<string, double> measure)
    {
        var (low, high) = (1, word.Length - 1);
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            (low, high) = measure(word[..mid]) <= width ? (mid, high) : (low, mid - 1);
        }
        return char.IsHighSurrogate(word[low - 1]) && low > 1 ? low - 1 : low;
    }
}
