namespace Cotravail.Modules.Bookings;

/// Booking messages, resource keys shown by the field they concern.
internal static class BookingMessages
{
    public const string Nonexistent = "This time does not exist in the location's time zone: the clocks move forward then.";
    public const string Ambiguous = "This time happens twice in the location's time zone (the clocks move back then): add the UTC offset, e.g. +02:00.";
    public const string WrongOffset = "This UTC offset does not match the location's time zone at that time.";
    public const string NotATime = "Give a local date and time such as 2026-12-01T14:00.";
    public const string InThePast = "This time has already passed.";
    public const string TooFarAhead = "This resource cannot be booked that far ahead.";
    public const string TooShort = "This booking is shorter than the resource's minimum duration.";
    public const string TooLong = "This booking is longer than the resource's maximum duration.";
    public const string OffIncrement = "Bookings of this resource start and end on its time steps (e.g. every 30 minutes).";
    public const string ClosedDay = "The location is closed that day.";
    public const string Closed = "The location is not open for the whole of this time.";
    public const string Taken = "This slot is already taken.";
    public const string MembersOnly = "Only members may book this resource.";
    public const string PricedByHour = "This resource is priced by the hour only.";
    public const string PricedByHalfDay = "This resource is priced by the half-day (up to 4 h) only; choose a booking of 4 hours or less.";
    public const string PricedByDay = "This resource is priced by the day only; choose a booking of one day.";
    public const string PricedByHourAndHalfDay = "This resource is priced by the hour and by the half-day (up to 4 h); choose one of those durations.";
    public const string PricedByHourAndDay = "This resource is priced by the hour and by the day; choose one of those durations.";
    public const string PricedByHalfDayAndDay = "This resource is priced by the half-day (up to 4 h) and by the day; choose one of those durations.";
    public const string PricedByAll = "This resource is priced by the hour, the half-day (up to 4 h) and the day; choose one of those durations.";
    public const string PricedForMembers = "This resource is priced for members only.";
    public const string NotPriced = "This resource has no price for this booking: ask the location's staff.";
    public const string WeeklyLimit = "This booking would go over the weekly limit of hours for this resource.";
    public const string WeeklyBookingsLimit = "You have reached this resource's weekly limit of bookings (Monday to Sunday).";
    public const string NotYourMember = "You cannot book for this member.";
    public const string NotCheckable = "Check-in opens 15 minutes before the start of a confirmed booking and closes at its end.";
    public const string NotPending = "This request has already been decided.";
    public const string SeriesConflicts = "Some occurrences of this series are not available: nothing was booked.";
    public const string SeriesNeedsAnEnd = "Give the number of occurrences or the last date.";
    public const string NotASeries = "This booking is not part of a series.";
    public const string SlotIsFree = "This slot is free: book it instead of waiting.";
    public const string OfferClosed = "This offer is no longer open: it was accepted, declined or has expired.";
    public const string NotCancellable = "This booking is no longer active.";
    public const string AlreadyStarted = "This booking has already started: it can no longer be changed.";
    public const string LateChangeSameDay = "It is past the free-cancellation limit: this booking can only be moved within the same day.";
    public const string NotYourLocation = "You cannot move this booking to a location you do not work at.";
    public const string NotATimeOfDay = "Give a time of day such as 14:00.";
    public const string SeriesChangeConflicts = "Some occurrences cannot be changed: nothing was changed.";
    public const string ZoneChangeNeedsAChoice = "This location has {0} future bookings: choose whether they keep their local times (keepLocalTimes) or their instants (keepInstants).";
    public const string ZoneChangeConflicts = "Some future bookings cannot keep their local times in the new time zone: nothing was changed.";
    public const string PlansOnly = "This resource is booked only with a plan or a pass that covers it, on that day: see the passes and plans.";
}
