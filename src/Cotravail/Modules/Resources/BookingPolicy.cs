namespace Cotravail.Modules.Resources;

internal enum WaitlistMode
{
    /// The first in line is booked into the freed slot and told.
    BookDirectly,

    /// The first in line is offered the freed slot, held for them until they accept, decline or the offer expires.
    Offer,
}

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

    /// At most this many bookings per member per week (Monday to Sunday, local), whatever their length; null = no limit.
    public int? MaxBookingsPerWeek { get; init; }

    /// A booking not checked in this many minutes after its start is released; 0 = no check-in needed.
    public int CheckInMinutes { get; init; } = 15;

    /// When a taken slot frees up: book the first in line directly, or offer it to them for OfferMinutes.
    public WaitlistMode WaitlistMode { get; init; } = WaitlistMode.BookDirectly;

    /// How long a waitlist offer holds the slot (bounded by MinOfferMinutes..MaxOfferMinutes, and by the slot's start).
    public int OfferMinutes { get; init; } = 60;

    public const int MinOfferMinutes = 5;

    public const int MaxOfferMinutes = 24 * 60;

    public TimeSpan OfferHold => TimeSpan.FromMinutes(Math.Clamp(OfferMinutes, MinOfferMinutes, MaxOfferMinutes));

    public TimeSpan Setup => TimeSpan.FromMinutes(SetupMinutes);

    public TimeSpan Cleanup => TimeSpan.FromMinutes(CleanupMinutes);
}
