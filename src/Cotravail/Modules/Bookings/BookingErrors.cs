using Cotravail.Common.Errors;

namespace Cotravail.Modules.Bookings;

internal static class BookingErrors
{
    public static Invalid For(Unavailability reason, string field = "start") => new(field, reason switch
    {
        Unavailability.InThePast => BookingMessages.InThePast,
        Unavailability.TooFarAhead => BookingMessages.TooFarAhead,
        Unavailability.TooShort => BookingMessages.TooShort,
        Unavailability.TooLong => BookingMessages.TooLong,
        Unavailability.OffIncrement => BookingMessages.OffIncrement,
        Unavailability.ClosedDay => BookingMessages.ClosedDay,
        Unavailability.Closed => BookingMessages.Closed,
        Unavailability.Assigned => Assignments.AssignmentMessages.Assigned,
        _ => BookingMessages.Taken,
    });
}
