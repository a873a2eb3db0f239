using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;

namespace Cotravail.Modules.Bookings;

/// Reading bookings one may see (GET /bookings, GET /bookings/{id}).
internal static class BookingReadEndpoints
{
    public static RouteGroupBuilder MapBookingReads(this RouteGroupBuilder bookings)
    {
        bookings.MapGet("/", async ([AsParameters] BookingQueries.Query query, AppDb db, Access access, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await BookingQueries.ListAsync(query, db, await access.GetAsync(ct), clock, ct)))
            .WithSummary("List bookings one may see, soonest first (locationId, resourceId, from, to in UTC, page, pageSize).");
        bookings.MapGet("/{id:guid}", async (Guid id, AppDb db, Access access, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                (await BookingQueries.GetAsync(id, db, await access.GetAsync(ct), clock, ct)).ToHttp(http))
            .Produces<BookingResponse>().ProducesProblem(404)
            .WithSummary("Get a booking, with its cancellation terms and the fee of cancelling it now (cancellation.feeNow, feeNowCents).");
        return bookings;
    }
}
