using Cotravail.Common.Auth;
using Cotravail.Common.Errors;

namespace Cotravail.Modules.Bookings;

/// Cancelling one booking (POST /bookings/{id}/cancel).
internal static class CancelEndpoints
{
    public static RouteGroupBuilder MapCancel(this RouteGroupBuilder bookings)
    {
        bookings.MapPost("/{id:guid}/cancel", async (Guid id, CancelBooking cancel, Access access, HttpContext http, CancellationToken ct) =>
                (await cancel.HandleAsync(id, await access.GetAsync(ct), ct)).ToHttp(http))
            .Produces<BookingResponse>().ProducesProblem(404).ProducesProblem(409).WithSummary("Cancel a booking.");
        return bookings;
    }
}
