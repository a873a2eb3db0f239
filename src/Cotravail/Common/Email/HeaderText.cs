using System.Globalization;
using System.Text;

namespace Cotravail.Common.Email;

/// Text bound for an email header (a subject holding a booking title, a location's or a person's name):
/// one line, so no typed text can make a header throw or add a header of its own. Line breaks (CR, LF,
/// NEL, U+2028, U+2029) and every other control character become a space (a run of them one space);
/// the length is bounded without cutting a character in two. Bodies keep their line breaks.
internal static class HeaderText
{
    public static string Of(string text, int maxLength)
    {
        var line = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                space = true;
                continue;
            }
            if (space)
            {
                line.Append(' ');
                space = false;
            }
            line.Append(c);
        }
        var folded = line.ToString().Trim();
        return folded.Length <= maxLength ? folded : Shortened(folded, maxLength);
    }

    /// Whole text elements (a letter and its accents, an emoji) up to the bound, ending with "…".
    private static string Shortened(string line, int maxLength)
    {
        var kept = new StringBuilder(maxLength);
        var elements = StringInfo.GetTextElementEnumerator(line);
        while (elements.MoveNext() && kept.Length + elements.GetTextElement().Length < maxLength)
        {
            kept.Append(elements.GetTextElement());
        }
        return kept.ToString().TrimEnd() + "…";
    }
}
