namespace Cotravail.Modules.Resources;

/// How a resource may be booked. Minutes are whole minutes; zero buffers mean back-to-back bookings.
internal sealed record BookingPolicy
{
    public static readonly BookingPolicy Default = new();

    /// Blocked before each booking (set-up) and after it (clean-up).
    public int SetupMinutes { get; init; }

    public int CleanupMinutes { get; init; }

    public int MinMinutes { get; init; } = 30;

    public int MaxMinutes { get; init; } = 11 * 60;

    /// Start and end on multiples of this, counted from midnight local time.
    public int IncrementMinutes { get; init; } = 30;

    /// How far ahead one may book.
    public int WindowDays { get; init; } = 90;

    /// A request holds the slot until a manager approves or declines it, or it expires.
    public bool RequiresApproval { get; init; }

    /// Only members may book; otherwise non-members too, at non-member rates.
    public bool MembersOnly { get; init; } = true;

    /// Free cancellation until this many hours before the start; later, LateCancellationPercent of the price is due.
    public int FreeCancellationHours { get; init; } = 24;

    public int LateCancellationPercent { get; init; } = 50;

    /// At most this many booked hours per member per week (Monday to Sunday, local); null = no limit.
    public int? MaxHoursPerWeek { get; init; }

    /// A booking not checked in this many minutes after its start is released; 0 = no check-in needed.
    public int CheckInMinutes { get; init; } = 15;

    public TimeSpan Setup => TimeSpan.FromMinutes(SetupMinutes);

    public TimeSpan Cleanup => TimeSpan.FromMinutes(CleanupMinutes);
}
