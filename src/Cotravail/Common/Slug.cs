using System.Globalization;
using System.Text;

namespace Cotravail.Common;

/// "Tiers-lieu La Fabrique (Saint-Étienne)" → "tiers-lieu-la-fabrique-saint-etienne".
internal static class Slug
{
    public const string Pattern = "^[a-z0-9]+(-[a-z0-9]+)*$";

    public static string From(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            builder.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        }
        var slug = string.Join('-', builder.ToString().Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length > 80 ? slug[..80].TrimEnd('-') : slug;
    }
}
