using System.ComponentModel.DataAnnotations;
using Cotravail.Common.Errors;
using Cotravail.Common.Localization;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Resources;

/// A resource's booking rules as an operator sets them ("policy" in the API, "Booking rules" on the admin
/// page) and as the API shows them. A field left out takes the default of BookingPolicy.
internal sealed record BookingPolicyInput : IValidatableObject
{
    /// Time steps that divide an hour, so bookings line up on the clock.
    public static readonly int[] Increments = [5, 10, 15, 20, 30, 60];

    /// A booking lies within one opening period of one day (Bookability).
    public const int DayMinutes = 24 * 60;

    /// Minutes blocked before each booking.
    [Range(0, 240, ErrorMessage = Messages.Range), Display(Name = "Set-up time (minutes)")]
    public int SetupMinutes { get; init; } = BookingPolicy.Default.SetupMinutes;

    /// Minutes blocked after each booking.
    [Range(0, 240, ErrorMessage = Messages.Range), Display(Name = "Clean-up time (minutes)")]
    public int CleanupMinutes { get; init; } = BookingPolicy.Default.CleanupMinutes;

    /// Shortest booking, a multiple of incrementMinutes.
    [Range(5, DayMinutes, ErrorMessage = Messages.Range), Display(Name = "Shortest booking (minutes)")]
    public int MinMinutes { get; init; } = BookingPolicy.Default.MinMinutes;

    /// Longest booking, a multiple of incrementMinutes, at least minMinutes.
    [Range(5, DayMinutes, ErrorMessage = Messages.Range), Display(Name = "Longest booking (minutes)")]
    public int MaxMinutes { get; init; } = BookingPolicy.Default.MaxMinutes;

    /// Bookings start and end on multiples of this from midnight: 5, 10, 15, 20, 30 or 60.
    [Display(Name = "Time step (minutes)")]
    public int IncrementMinutes { get; init; } = BookingPolicy.Default.IncrementMinutes;

    /// How many days ahead one may book (1 to 730).
    [Range(1, 730, ErrorMessage = Messages.Range), Display(Name = "Booking window (days ahead)")]
    public int WindowDays { get; init; } = BookingPolicy.Default.WindowDays;

    [Display(Name = "Bookings are requests a manager approves")]
    public bool RequiresApproval { get; init; } = BookingPolicy.Default.RequiresApproval;

    [Display(Name = "Only members may book (otherwise non-members too, at non-member prices)")]
    public bool MembersOnly { get; init; } = BookingPolicy.Default.MembersOnly;

    /// Free cancellation until this many hours before the start (0 to 720).
    [Range(0, 720, ErrorMessage = Messages.Range), Display(Name = "Free cancellation until (hours before)")]
    public int FreeCancellationHours { get; init; } = BookingPolicy.Default.FreeCancellationHours;

    /// Share of the price due for a later cancellation (0 to 100).
    [Range(0, 100, ErrorMessage = Messages.Range), Display(Name = "Late-cancellation fee (% of the price)")]
    public int LateCancellationPercent { get; init; } = BookingPolicy.Default.LateCancellationPercent;

    /// Booked hours per member per week (Monday to Sunday); null = no limit.
    [Range(1, 168, ErrorMessage = Messages.Range), Display(Name = "Hours per member per week")]
    public int? MaxHoursPerWeek { get; init; } = BookingPolicy.Default.MaxHoursPerWeek;

    /// Bookings per member per week (Monday to Sunday); null = no limit.
    [Range(1, 1000, ErrorMessage = Messages.Range), Display(Name = "Bookings per member per week")]
    public int? MaxBookingsPerWeek { get; init; } = BookingPolicy.Default.MaxBookingsPerWeek;

    /// Minutes after the start to check in before the booking is released; 0 = no check-in.
    [Range(0, 240, ErrorMessage = Messages.Range), Display(Name = "Check-in within (minutes after the start)")]
    public int CheckInMinutes { get; init; } = BookingPolicy.Default.CheckInMinutes;

    /// BookDirectly or Offer.
    [Display(Name = "When a slot frees up")]
    public WaitlistMode WaitlistMode { get; init; } = BookingPolicy.Default.WaitlistMode;

    /// How long a waitlist offer holds the slot.
    [Range(BookingPolicy.MinOfferMinutes, BookingPolicy.MaxOfferMinutes, ErrorMessage = Messages.Range), Display(Name = "Waitlist offer held for (minutes)")]
    public int OfferMinutes { get; init; } = BookingPolicy.Default.OfferMinutes;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var l = validationContext.GetRequiredService<IStringLocalizer<SharedResource>>();
        if (!Increments.Contains(IncrementMinutes))
        {
            yield return new(l["The time step is one of 5, 10, 15, 20, 30 or 60 minutes."], [nameof(IncrementMinutes)]);
        }
        else
        {
            (string Field, int Value)[] durations = [(nameof(MinMinutes), MinMinutes), (nameof(MaxMinutes), MaxMinutes)];
            foreach (var (field, _) in durations.Where(d => d.Value % IncrementMinutes != 0))
            {
                yield return new(l["Durations are multiples of the time step ({0} minutes).", IncrementMinutes], [field]);
            }
        }
        if (MaxMinutes < MinMinutes)
        {
            yield return new(l["The longest booking cannot be shorter than the shortest."], [nameof(MaxMinutes)]);
        }
        if (!Enum.IsDefined(WaitlistMode))
        {
            yield return new(l["Unknown waitlist mode."], [nameof(WaitlistMode)]);
        }
    }

    public BookingPolicy ToPolicy() => new()
    {
        SetupMinutes = SetupMinutes,
        CleanupMinutes = CleanupMinutes,
        MinMinutes = MinMinutes,
        MaxMinutes = MaxMinutes,
        IncrementMinutes = IncrementMinutes,
        WindowDays = WindowDays,
        RequiresApproval = RequiresApproval,
        MembersOnly = MembersOnly,
        FreeCancellationHours = FreeCancellationHours,
        LateCancellationPercent = LateCancellationPercent,
        MaxHoursPerWeek = MaxHoursPerWeek,
        MaxBookingsPerWeek = MaxBookingsPerWeek,
        CheckInMinutes = CheckInMinutes,
        WaitlistMode = WaitlistMode,
        OfferMinutes = OfferMinutes,
    };

    public static BookingPolicyInput From(BookingPolicy p) => new()
    {
        SetupMinutes = p.SetupMinutes,
        CleanupMinutes = p.CleanupMinutes,
        MinMinutes = p.MinMinutes,
        MaxMinutes = p.MaxMinutes,
        IncrementMinutes = p.IncrementMinutes,
        WindowDays = p.WindowDays,
        RequiresApproval = p.RequiresApproval,
        MembersOnly = p.MembersOnly,
        FreeCancellationHours = p.FreeCancellationHours,
        LateCancellationPercent = p.LateCancellationPercent,
        MaxHoursPerWeek = p.MaxHoursPerWeek,
        MaxBookingsPerWeek = p.MaxBookingsPerWeek,
        CheckInMinutes = p.CheckInMinutes,
        WaitlistMode = p.WaitlistMode,
        OfferMinutes = p.OfferMinutes,
    };
}
