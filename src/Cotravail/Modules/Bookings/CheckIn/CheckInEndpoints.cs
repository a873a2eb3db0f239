using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;

namespace Cotravail.Modules.Bookings;

/// Checking a booking in.
internal static class CheckInEndpoints
{
    public static RouteGroupBuilder MapCheckIn(this RouteGroupBuilder bookings)
    {
        bookings.MapPost("/{id:guid}/check-in", async (Guid id, AppDb db, Access access, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                (await CheckInBooking.HandleAsync(id, db, await access.GetAsync(ct), clock, ct)).ToHttp(http))
            .Produces<BookingResponse>().ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Check a booking in (its member or the location's staff), from 15 minutes before its start.");
        return bookings;
    }
}
