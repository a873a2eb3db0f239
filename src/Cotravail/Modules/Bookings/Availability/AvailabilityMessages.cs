namespace Cotravail.Modules.Bookings;

/// Messages of the availability search and the booking pages, resource keys shown by their field.
internal static class AvailabilityMessages
{
    public const string NotAChoice = "This is not one of the choices.";
    public const string OutOfRange = "This number is out of range.";
}
