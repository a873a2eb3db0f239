namespace Cotravail.Modules.Bookings;

internal enum Frequency
{
    Daily,
    Weekly,
    Monthly,
}

/// A repeating booking: every Interval days, weeks or months, until a local date or for a count.
internal sealed record Recurrence(Frequency Frequency, int Interval, DateOnly? Until, int? Count)
{
    /// The longest series one request may create.
    public const int MaxOccurrences = 366;

    /// Local start times of the occurrences, first included. Wall-clock times stay the same across
    /// daylight-saving changes (09:00 stays 09:00 local); a monthly series on the 31st skips shorter months.
    public IEnumerable<DateTime> Occurrences(DateTime firstLocalStart)
    {
        var produced = 0;
        for (var i = 0; produced < (Count ?? MaxOccurrences) && produced < MaxOccurrences; i++)
        {
            var next = Frequency switch
            {
                Frequency.Daily => firstLocalStart.AddDays(i * Interval),
                Frequency.Weekly => firstLocalStart.AddDays(7 * i * Interval),
                _ => AddMonthsExact(firstLocalStart, i * Interval),
            };
            if (next is null)
            {
                continue;
            }
            if (Until is { } until && DateOnly.FromDateTime(next.Value) > until)
            {
                yield break;
            }
            produced++;
            yield return next.Value;
        }
    }

    private static DateTime? AddMonthsExact(DateTime start, int months)
    {
        var shifted = start.AddMonths(months);
        return shifted.Day == start.Day ? shifted : null;
    }
}
