namespace Cotravail.Modules.Bookings;

/// A booking as the API shows it: UTC instants and the same times on the location's wall clock.
internal sealed record BookingResponse(
    Guid Id,
    Guid ResourceId,
    string ResourceName,
    Guid LocationId,
    int Seat,
    DateTime Start,
    DateTime End,
    DateTime LocalStart,
    DateTime LocalEnd,
    string TimeZone,
    BookingStatus Status,
    Guid? MemberId,
    string Title,
    decimal Price,
    string Currency,
    decimal VatPercent,
    decimal CancellationFee,
    IReadOnlyList<AttendeeResponse>? Attendees = null);
