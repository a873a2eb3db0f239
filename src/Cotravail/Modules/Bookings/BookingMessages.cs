namespace Cotravail.Modules.Bookings;

/// Booking messages (resource keys; {0} is the field's display name).
internal static class BookingMessages
{
    public const string Nonexistent = "{0} does not exist in this location's time zone (the clocks move forward then).";
    public const string Ambiguous = "{0} happens twice in this location's time zone (the clocks move back then): give the UTC offset.";
    public const string WrongOffset = "{0} does not have this UTC offset in this location's time zone.";
}
