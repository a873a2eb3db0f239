using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;

namespace Cotravail.Modules.Bookings;

/// Free resources for a slot, across the network (GET /availability).
internal static class AvailabilityEndpoints
{
    public static RouteGroupBuilder MapAvailability(this RouteGroupBuilder api)
    {
        api.MapGet("/availability", async ([AsParameters] SearchAvailability.Query query, AppDb db, CatalogCache catalogs, Access access, TimeProvider clock, HttpContext http,
                    CancellationToken ct) =>
                (await SearchAvailability.HandleWithNextFreeAsync(query, db, catalogs, await access.GetAsync(ct), clock, ct)).ToHttp(http))
            .WithTags("Bookings").Produces<SearchAvailability.Response>().ProducesValidationProblem()
            .WithSummary("Free resources for a slot; start and end are local times in each location's own time zone. Without locationId, the whole network. Filters: kind, capacity (people), amenities and accessibility (comma-separated, all required), maxPrice for the slot; explain=true also lists the unavailable ones with their reason. Sorted by location then resource name, a page at a time (page from 1, pageSize 25 by default, at most 100) with availableCount and unavailableCount. resourceId asks about one resource. When nothing is free, nextFree offers up to 5 later slots of the same length where matching resources are (the rest of the day, then the next 14 days, on half-hour steps), each with its availableCount and first resources; otherwise nextFree is null.");
        return api;
    }
}
