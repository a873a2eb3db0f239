using System.Text;

namespace Cotravail.Common.Web;

/// The rule for any text a request carries (JSON strings, form fields, query and route values): no control
/// characters but tab and line breaks, no unpaired surrogates, no replacement or non-characters (what an invalid
/// byte sequence decodes to); text is kept in Unicode normal form C, so "é" typed two ways is one value.
internal static class InputText
{
    public const string NotAllowedMessage = "{0} contains characters that are not allowed.";

    public static bool IsClean(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            if (IsForbidden(c))
            {
                return false;
            }
        }
        return true;
    }

    /// NFC, or the text itself when it already is (almost always: no allocation).
    public static string Normalize(string text) => text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);

    private static bool IsForbidden(char c) =>
        c is < ' ' and not ('\t' or '\n' or '\r')
        || c is >= '\u007F' and <= '\u009F'
        || char.IsSurrogate(c)
        || c is '\uFFFD' or '\uFFFE' or '\uFFFF';
}
