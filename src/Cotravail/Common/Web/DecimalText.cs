using System.Globalization;

namespace Cotravail.Common.Web;

/// A number typed in a form, read the same in French and English: a comma or a point marks the decimals
/// ("12,50" and "12.50" are both twelve fifty); spaces group thousands, and so does the page's own group
/// separator before exactly three digits ("1,000" in English). No exponent, no currency sign.
internal static class DecimalText
{
    public static bool TryParse(string text, CultureInfo culture, out decimal value)
    {
        value = 0;
        var compact = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        var sign = compact.StartsWith('-') ? "-" : "";
        var digits = compact.StartsWith('-') || compact.StartsWith('+') ? compact[1..] : compact;
        if (digits.Length == 0 || !digits.All(c => char.IsAsciiDigit(c) || c is ',' or '.') || !char.IsAsciiDigit(digits[0]) || !char.IsAsciiDigit(digits[^1]))
        {
            return false;
        }
        var parts = digits.Split(',', '.');
        var separators = digits.Where(c => c is ',' or '.').ToList();
        string integer, fraction;
        if (separators.Count == 0)
        {
            (integer, fraction) = (digits, "");
        }
        else if (separators.Count == 1)
        {
            var isGroup = separators[0].ToString() == culture.NumberFormat.NumberGroupSeparator && parts[0].Length <= 3 && parts[1].Length == 3;
            (integer, fraction) = isGroup ? (parts[0] + parts[1], "") : (parts[0], parts[1]);
        }
        else
        {
            // Several: thousands groups of one kind, then at most one decimal mark of the other ("1,234,567.89").
            var group = separators[0];
            var decimalMark = separators[^1] != group ? 1 : 0;
            if (separators.SkipLast(decimalMark).Any(s => s != group) || parts[0].Length > 3 || parts.Skip(1).SkipLast(decimalMark).Any(p => p.Length != 3))
            {
                return false;
            }
            (integer, fraction) = (string.Concat(parts.SkipLast(decimalMark)), decimalMark == 1 ? parts[^1] : "");
        }
        return decimal.TryParse(sign + integer + (fraction.Length > 0 ? "." + fraction : ""), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out value);
    }
}
