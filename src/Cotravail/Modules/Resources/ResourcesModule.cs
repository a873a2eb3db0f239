using Cotravail.Common.Audit;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;

namespace Cotravail.Modules.Resources;

internal static class ResourcesModule
{
    public static void MapResources(this WebApplication app, RouteGroupBuilder api)
    {
        api.MapResourcePhotos();
        var group = api.MapGroup("/resources").WithTags("Resources");
        group.MapGet("/", async ([AsParameters] ListResources.Query query, AppDb db, Access access, CancellationToken ct) =>
                TypedResults.Ok(await ListResources.HandleAsync(query, db, await access.GetAsync(ct), ct)))
            .WithSummary("List resources (locationId, kind, minCapacity, search, active, sort=name|-name|capacity|-capacity|location|-location|kind, page, pageSize).");
        group.MapGet("/{id:guid}", async (Guid id, AppDb db, Access access, HttpContext http, CancellationToken ct) =>
                (await GetResource.HandleAsync(id, db, await access.GetAsync(ct), ct)).ToHttp(http))
            .Produces<ResourceResponse>().ProducesProblem(404).WithSummary("Get a resource.");
        group.MapPost("/", async (ResourceInput input, AppDb db, Access access, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                (await SaveResource.CreateAsync(input, db, await access.GetAsync(ct), clock, ct))
                    .ToHttp(http, created => TypedResults.Created($"/api/v1/resources/{created.Id}", created)))
            .Validate<ResourceInput>().Produces<ResourceResponse>(201).ProducesProblem(403).ProducesProblem(409)
            .WithSummary("Create a resource (managers of its location).")
            .WithDescription("The optional \"policy\" object sets its booking rules; omitted, the defaults apply, and a field left out of it takes its default.")
            .RequireAuthorization(Policies.Manager);
        group.MapPut("/{id:guid}", async (Guid id, ResourceInput input, AppDb db, Access access, AuditTrail audit, TimeProvider clock, IEnumerable<IResourceKindGuard> kindGuards,
                    HttpContext http, CancellationToken ct) =>
                (await SaveResource.UpdateAsync(id, input, db, await access.GetAsync(ct), audit, clock, kindGuards, ct)).ToHttp(http))
            .Validate<ResourceInput>().Produces<ResourceResponse>().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Change a resource.")
            .WithDescription("An omitted \"policy\" keeps the current booking rules; a given one replaces them all (a field left out of it takes its default).")
            .RequireAuthorization(Policies.Manager);
        group.MapPost("/{id:guid}/deactivate", async (Guid id, AppDb db, Access access, HttpContext http, CancellationToken ct) =>
                (await SaveResource.SetActiveAsync(id, false, db, await access.GetAsync(ct), ct)).ToHttp(http))
            .Produces<ResourceResponse>().ProducesProblem(403).ProducesProblem(404).WithSummary("Deactivate a resource.")
            .RequireAuthorization(Policies.Manager);
        group.MapPost("/{id:guid}/activate", async (Guid id, AppDb db, Access access, HttpContext http, CancellationToken ct) =>
                (await SaveResource.SetActiveAsync(id, true, db, await access.GetAsync(ct), ct)).ToHttp(http))
            .Produces<ResourceResponse>().ProducesProblem(403).ProducesProblem(404).WithSummary("Reactivate a resource.")
            .RequireAuthorization(Policies.Manager);
    }
}
