namespace Cotravail.Common;

/// A half-open interval [Start, End) of UTC instants: a booking ending at 10:00 and one starting at
/// 10:00 do not overlap.
internal readonly record struct TimeSlot
{
    public TimeSlot(DateTime start, DateTime end)
    {
        if (start.Kind != DateTimeKind.Utc || end.Kind != DateTimeKind.Utc)
        {
            throw new ArgumentException("A time slot holds UTC instants.");
        }
        if (end <= start)
        {
            throw new ArgumentException("A time slot ends after it starts.");
        }
        Start = start;
        End = end;
    }

    public DateTime Start { get; }

    public DateTime End { get; }

    public TimeSpan Duration => End - Start;

    public bool Overlaps(TimeSlot other) => Start < other.End && other.Start < End;

    public bool Contains(TimeSlot other) => Start <= other.Start && other.End <= End;

    /// The slot with set-up time before and clean-up time after: what a booking blocks.
    public TimeSlot Widen(TimeSpan before, TimeSpan after) => new(Start - before, End + after);
}
