namespace Cotravail.Modules.Bookings;

/// A booking as the API shows it: UTC instants and the same times on the location's wall clock.
/// Cancellation: its terms and the fee of cancelling now, on one booking's answers (GET /bookings/{id},
/// and after cancelling, checking in or deciding it); absent from lists.
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
    IReadOnlyList<AttendeeResponse>? Attendees = null,
    CancellationResponse? Cancellation = null);
