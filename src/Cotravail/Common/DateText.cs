using System.Globalization;

namespace Cotravail.Common;

/// Local dates as the billing API and forms take them: "2026-12-01", nothing else.
internal static class DateText
{
    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// Empty is valid and gives null.
    public static bool TryParseOptional(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        if (!TryParse(text, out var parsed))
        {
            return false;
        }
        date = parsed;
        return true;
    }
}
