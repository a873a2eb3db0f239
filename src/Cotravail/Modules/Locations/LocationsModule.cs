using Cotravail.Common.Audit;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Modules.Locations.Photos;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Locations;

internal static class LocationsModule
{
    public static IServiceCollection AddLocations(this IServiceCollection services) =>
        services.AddSingleton<IOrganisationNames, LocationNames>();

    public static void MapLocations(this WebApplication app, RouteGroupBuilder api)
    {
        var group = api.MapGroup("/locations").WithTags("Locations");
        group.MapGet("/", async ([AsParameters] ListLocations.Query query, AppDb db, Access access, CancellationToken ct) =>
                TypedResults.Ok(await ListLocations.HandleAsync(query, db, await access.GetAsync(ct), ct)))
            .WithSummary("List locations (search, active, sort=name|-name|city|-city|created|-created, page, pageSize).");
        group.MapGet("/{id:guid}", async (Guid id, AppDb db, Access access, HttpContext http, CancellationToken ct) =>
                (await GetLocation.HandleAsync(id, db, await access.GetAsync(ct), ct)).ToHttp(http))
            .Produces<LocationResponse>().ProducesProblem(404).WithSummary("Get a location.");
        group.MapPost("/", async (LocationInput input, AppDb db, Access access, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                (await CreateLocation.HandleAsync(input, db, await access.GetAsync(ct), clock, ct))
                    .ToHttp(http, created => TypedResults.Created($"/api/v1/locations/{created.Id}", created)))
            .Validate<LocationInput>().Produces<LocationResponse>(201).ProducesProblem(403).ProducesProblem(409)
            .WithSummary("Create a location (network admins).")
            .RequireAuthorization(Policies.NetworkAdmin);
        group.MapPut("/{id:guid}", async (Guid id, LocationInput input, AppDb db, Access access, AuditTrail audit, TimeProvider clock, ITimeZoneChange zoneChange,
                    HttpContext http, CancellationToken ct) =>
                (await UpdateLocation.HandleAsync(id, input, db, await access.GetAsync(ct), audit, clock, zoneChange, ct)).ToHttpListing(http))
            .Validate<LocationInput>().Produces<LocationResponse>().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Change a location (network admins and its managers). Changing the time zone of a location with future bookings needs futureBookings: keepLocalTimes or keepInstants (409 naming timeZone otherwise).")
            .RequireAuthorization(Policies.Manager);
        group.MapPost("/{id:guid}/deactivate", async (Guid id, AppDb db, Access access, HttpContext http, CancellationToken ct) =>
                (await SetLocationActive.HandleAsync(id, false, db, await access.GetAsync(ct), ct)).ToHttp(http))
            .Produces<LocationResponse>().ProducesProblem(403).ProducesProblem(404).WithSummary("Deactivate a location (network admins).")
            .RequireAuthorization(Policies.NetworkAdmin);
        group.MapPost("/{id:guid}/activate", async (Guid id, AppDb db, Access access, HttpContext http, CancellationToken ct) =>
                (await SetLocationActive.HandleAsync(id, true, db, await access.GetAsync(ct), ct)).ToHttp(http))
            .Produces<LocationResponse>().ProducesProblem(403).ProducesProblem(404).WithSummary("Reactivate a location (network admins).")
            .RequireAuthorization(Policies.NetworkAdmin);
        api.MapLocationPhotos();
        app.MapLocationPhotoFiles();
    }
}

/// The spaces' names, which no password may contain (PasswordPolicy).
internal sealed class LocationNames : IOrganisationNames
{
    public Task<List<string>> NamesAsync(AppDb db) => db.Locations.Select(l => l.Name).ToListAsync();
}
