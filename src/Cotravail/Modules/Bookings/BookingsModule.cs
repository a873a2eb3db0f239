using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Modules.Privacy.Erasure;

namespace Cotravail.Modules.Bookings;

internal static class BookingsModule
{
    public static IServiceCollection AddBookings(this IServiceCollection services) =>
        services.AddScoped<IErasureStep, BookingErasure>();

    public static RouteGroupBuilder MapBookings(this RouteGroupBuilder api)
    {
        api.MapGet("/availability", async ([AsParameters] SearchAvailability.Query query, AppDb db, Access access, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                (await SearchAvailability.HandleAsync(query, db, await access.GetAsync(ct), clock, ct)).ToHttp(http))
            .WithTags("Bookings").Produces<SearchAvailability.Response>().ProducesValidationProblem()
            .WithSummary("Free resources for a slot; start and end are local times in each location's own time zone. Without locationId, the whole network. Filters: kind, capacity (people), amenities and accessibility (comma-separated, all required), maxPrice for the slot; explain=true also lists the unavailable ones with their reason.");
        var group = api.MapGroup("/bookings").WithTags("Bookings");
        group.MapGet("/", async ([AsParameters] BookingQueries.Query query, AppDb db, Access access, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await BookingQueries.ListAsync(query, db, await access.GetAsync(ct), clock, ct)))
            .WithSummary("List bookings one may see, soonest first (locationId, resourceId, from, to in UTC, page, pageSize).");
        group.MapGet("/{id:guid}", async (Guid id, AppDb db, Access access, HttpContext http, CancellationToken ct) =>
                (await BookingQueries.GetAsync(id, db, await access.GetAsync(ct), ct)).ToHttp(http))
            .Produces<BookingResponse>().ProducesProblem(404).WithSummary("Get a booking.");
        group.MapPost("/", async (BookResource.Request request, AppDb db, Access access, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                (await BookResource.HandleAsync(request, db, await access.GetAsync(ct), clock, ct))
                    .ToHttp(http, created => TypedResults.Created($"/api/v1/bookings/{created.Id}", created)))
            .Validate<BookResource.Request>().Produces<BookingResponse>(201).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Book a resource; start and end are local times of the resource's location (409 when the slot is taken).");
        group.MapPost("/{id:guid}/cancel", async (Guid id, AppDb db, Access access, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                (await CancelBooking.HandleAsync(id, db, await access.GetAsync(ct), clock, ct)).ToHttp(http))
            .Produces<BookingResponse>().ProducesProblem(404).ProducesProblem(409).WithSummary("Cancel a booking.");
        return api;
    }
}
