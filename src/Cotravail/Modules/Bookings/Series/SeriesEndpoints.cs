using Cotravail.Common.Auth;
using Cotravail.Common.Errors;
using Cotravail.Common.Idempotency;

namespace Cotravail.Modules.Bookings;

/// Recurring series: preview, book, change and cancel from an occurrence onwards.
internal static class SeriesEndpoints
{
    public static RouteGroupBuilder MapSeries(this RouteGroupBuilder bookings)
    {
        bookings.MapPatch("/{id:guid}/following", async (Guid id, ChangeFollowing.Request request, ChangeFollowing change, Access access, HttpContext http, CancellationToken ct) =>
                (await change.HandleAsync(id, request, await access.GetAsync(ct), ct)).ToHttpListing(http))
            .Validate<ChangeFollowing.Request>().Produces<ChangeFollowing.Response>().ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Change this occurrence of a series and the later ones (startTime, endTime, resourceId): mode AllOrNothing (409 listing the dates that cannot move) or AvailableOnly.");
        bookings.MapPost("/series/preview", async (BookSeries.Request request, BookSeries series, Access access, HttpContext http, CancellationToken ct) =>
                (await series.PreviewAsync(request, await access.GetAsync(ct), ct)).ToHttp(http))
            .Validate<BookSeries.Request>().Produces<IReadOnlyList<BookSeries.Occurrence>>().ProducesProblem(404)
            .WithSummary("Which occurrences of a recurring booking are free, and why the others are not (books nothing).");
        bookings.MapPost("/series", async (BookSeries.Request request, BookSeries series, Access access, HttpContext http, CancellationToken ct) =>
                (await series.BookAsync(request, await access.GetAsync(ct), ct)).ToHttp(http))
            .Validate<BookSeries.Request>().WithIdempotency<BookSeries.Request>().Produces<BookSeries.SeriesResponse>().ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Book a recurring series: mode AvailableOnly takes the free occurrences, AllOrNothing all of them or none.");
        bookings.MapPost("/{id:guid}/cancel-following", async (Guid id, CancelFollowing cancel, Access access, HttpContext http, CancellationToken ct) =>
                (await cancel.HandleAsync(id, await access.GetAsync(ct), ct)).ToHttp(http))
            .Produces<CancelFollowing.Response>().ProducesProblem(404).ProducesProblem(409).WithSummary("Cancel this occurrence of a series and every later one.");
        return bookings;
    }
}
