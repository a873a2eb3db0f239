namespace Cotravail.Tests.Infrastructure;

/// The Sundays Paris changes its clocks (the last Sundays of March and October), the next ones whose week starts
/// at least a few days after the clock's today: tests across a change of hour book in the future whatever the day
/// they run (fixed dates in 2027 would have turned into the past in March 2027).
internal static class ClockChanges
{
    /// The next Sunday the clocks go forward (02:00 becomes 03:00).
    public static DateOnly Spring(TimeProvider clock) => Next(clock, 3);

    /// The next Sunday the clocks go back (03:00 becomes 02:00).
    public static DateOnly Autumn(TimeProvider clock) => Next(clock, 10);

    private static DateOnly Next(TimeProvider clock, int month)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        for (var year = today.Year; ; year++)
        {
            var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
            var sunday = last.AddDays(-(int)last.DayOfWeek);
            if (sunday.AddDays(-6) > today.AddDays(2))
            {
                return sunday;
            }
        }
    }
}
