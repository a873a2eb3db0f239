using Cotravail.Common.Auth;
using Cotravail.Common.Errors;

namespace Cotravail.Modules.Bookings;

/// Changing one booking (PATCH /bookings/{id}).
internal static class ChangeEndpoints
{
    public static RouteGroupBuilder MapChange(this RouteGroupBuilder bookings)
    {
        bookings.MapPatch("/{id:guid}", async (Guid id, ChangeBooking.Request request, ChangeBooking change, Access access, HttpContext http, CancellationToken ct) =>
                (await change.HandleAsync(id, request, await access.GetAsync(ct), ct)).ToHttp(http))
            .Validate<ChangeBooking.Request>().Produces<BookingResponse>().ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Change a booking's start, end (local times), resource or title with the rules of a new booking (409 when the new slot is taken).");
        return bookings;
    }
}
