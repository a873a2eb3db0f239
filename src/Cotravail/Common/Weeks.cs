namespace Cotravail.Common;

/// Weeks as the network counts them: ISO weeks, Monday to Sunday.
internal static class Weeks
{
    /// The Monday of the week the date falls in (the date itself on a Monday).
    public static DateOnly MondayOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));
}
