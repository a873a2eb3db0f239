using Cotravail.Modules.Locations;
using Cotravail.Modules.Resources;

namespace Cotravail.Modules.Bookings;

/// Why a resource cannot be booked for a slot; availability search shows it when asked.
internal enum Unavailability
{
    InThePast,
    TooFarAhead,
    TooShort,
    TooLong,
    OffIncrement,
    ClosedDay,
    Closed,
    Taken,
    /// A dedicated desk or office assigned to a member or a company for the period (Modules/Assignments).
    Assigned,
}

/// Pure rules about a slot in a location's local time, before looking at other bookings.
internal static class Bookability
{
    /// The first rule the local slot breaks, or null when it may be booked. A booking lies within one
    /// opening period of one day; longer needs are a recurring series or an assignment. Elapsed is the
    /// time that really passes (the UTC slot's), which differs from localEnd - localStart across a clock change.
    /// The opening periods are the location's narrowed by the resource's own (Resource.HoursWithin); the closed days
    /// the location's (those of the slot's day suffice).
    public static Unavailability? Check(
        BookingPolicy policy, IEnumerable<OpeningPeriod> openingHours, IEnumerable<ClosedDay> closedDays,
        DateTime localStart, DateTime localEnd, TimeSpan elapsed, DateTime localNow) =>
        CheckPolicy(policy, localStart, localEnd, elapsed, localNow)
        ?? CheckHours(openingHours, closedDays.Any(c => c.Date == DateOnly.FromDateTime(localStart)), localStart, localEnd);

    /// The resource's own rules: not in the past, within the booking window, the duration (real time, as
    /// the price and the weekly hours count it) and the increments (wall-clock).
    public static Unavailability? CheckPolicy(BookingPolicy policy, DateTime localStart, DateTime localEnd, TimeSpan elapsed, DateTime localNow)
    {
        if (localStart < localNow)
        {
            return Unavailability.InThePast;
        }
        if (localStart > localNow.AddDays(policy.WindowDays))
        {
            return Unavailability.TooFarAhead;
        }
        var minutes = elapsed.TotalMinutes;
        if (minutes < policy.MinMinutes)
        {
            return Unavailability.TooShort;
        }
        if (minutes > policy.MaxMinutes)
        {
            return Unavailability.TooLong;
        }
        if (!OnIncrement(localStart, policy.IncrementMinutes) || !OnIncrement(localEnd, policy.IncrementMinutes))
        {
            return Unavailability.OffIncrement;
        }
        return null;
    }

    /// The location's rules: not a closed day, and the slot within one opening period of its day.
    public static Unavailability? CheckHours(IEnumerable<OpeningPeriod> openingHours, bool closedDay, DateTime localStart, DateTime localEnd)
    {
        if (closedDay)
        {
            return Unavailability.ClosedDay;
        }
        var midnight = localStart.Date;
        var open = openingHours.Any(p => p.Day == localStart.DayOfWeek
            && midnight + p.Opens.ToTimeSpan() <= localStart
            && localEnd <= midnight + (p.Closes == TimeOnly.MinValue ? TimeSpan.FromDays(1) : p.Closes.ToTimeSpan()));
        return open ? null : Unavailability.Closed;
    }

    private static bool OnIncrement(DateTime local, int increment) =>
        increment <= 1 || ((int)local.TimeOfDay.TotalMinutes % increment == 0 && local.Second == 0 && local.Millisecond == 0);
}
