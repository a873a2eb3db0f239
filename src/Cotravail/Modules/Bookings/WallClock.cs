using Cotravail.Common.Errors;

namespace Cotravail.Modules.Bookings;

/// Turns a location's wall-clock time into a UTC instant. Daylight-saving changes are never guessed:
/// a time that does not exist (spring forward) is refused; one that happens twice (fall back) needs
/// the UTC offset that says which of the two is meant.
internal static class WallClock
{
    public static Result<DateTime> ToUtc(DateTime local, TimeZoneInfo zone, TimeSpan? offset, string field)
    {
        var wall = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(wall))
        {
            return new Invalid(field, BookingMessages.Nonexistent);
        }
        if (zone.IsAmbiguousTime(wall))
        {
            if (offset is null)
            {
                return new Invalid(field, BookingMessages.Ambiguous);
            }
            return zone.GetAmbiguousTimeOffsets(wall).Contains(offset.Value)
                ? DateTime.SpecifyKind(wall - offset.Value, DateTimeKind.Utc)
                : new Invalid(field, BookingMessages.WrongOffset);
        }
        var utc = TimeZoneInfo.ConvertTimeToUtc(wall, zone);
        if (offset is not null && zone.GetUtcOffset(utc) != offset.Value)
        {
            return new Invalid(field, BookingMessages.WrongOffset);
        }
        return utc;
    }

    public static DateTime ToLocal(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
}

/// "2026-12-01T14:00" (local) or "2026-10-25T02:30+02:00" (local with its UTC offset, needed when ambiguous).
internal static class LocalTimeText
{
    public static bool TryParse(string? text, out DateTime local, out TimeSpan? offset)
    {
        (local, offset) = (default, null);
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40)
        {
            return false;
        }
        var styles = System.Globalization.DateTimeStyles.AllowWhiteSpaces;
        var culture = System.Globalization.CultureInfo.InvariantCulture;
        var hasOffset = text.EndsWith('Z') || System.Text.RegularExpressions.Regex.IsMatch(text, @"[+-]\d{2}:?\d{2}$");
        if (hasOffset)
        {
            if (!DateTimeOffset.TryParse(text, culture, styles, out var withOffset))
            {
                return false;
            }
            (local, offset) = (withOffset.DateTime, withOffset.Offset);
            return true;
        }
        if (!DateTime.TryParse(text, culture, styles, out var plain))
        {
            return false;
        }
        local = DateTime.SpecifyKind(plain, DateTimeKind.Unspecified);
        return true;
    }
}
