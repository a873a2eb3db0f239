using Cotravail.Common.Auth;
using Cotravail.Common.Errors;
using Cotravail.Common.Idempotency;

namespace Cotravail.Modules.Bookings;

/// Booking a resource (POST /bookings).
internal static class BookEndpoints
{
    public static RouteGroupBuilder MapBook(this RouteGroupBuilder bookings)
    {
        bookings.MapPost("/", async (BookResource.Request request, BookResource book, Access access, HttpContext http, CancellationToken ct) =>
                (await book.HandleAsync(request, await access.GetAsync(ct), ct))
                    .ToHttp(http, created => TypedResults.Created($"/api/v1/bookings/{created.Id}", created)))
            .Validate<BookResource.Request>().WithIdempotency<BookResource.Request>().Produces<BookingResponse>(201).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Book a resource; start and end are local times of the resource's location (409 when the slot is taken). Attendees: members { memberId } and guests { email, name }, at most 50, invited by email with an .ics.");
        return bookings;
    }
}
