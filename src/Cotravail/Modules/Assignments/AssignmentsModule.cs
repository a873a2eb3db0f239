using Cotravail.Common.Audit;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Modules.Privacy.Erasure;
using Cotravail.Modules.Resources;

namespace Cotravail.Modules.Assignments;

/// Dedicated desks and private offices given to a member or a company for a period. Its own module:
/// an assignment is a contract (a monthly price for billing, made and ended by managers), not a
/// booking; Bookings only asks AssignmentHolds whether a resource is taken by one.
internal static class AssignmentsModule
{
    public static IServiceCollection AddAssignments(this IServiceCollection services) =>
        services.AddScoped<IErasureStep, AssignmentErasure>()
            .AddSingleton<IResourceKindGuard, AssignedKeepsKind>();

    public static void MapAssignments(this WebApplication app, RouteGroupBuilder api)
    {
        var group = api.MapGroup("/assignments").WithTags("Assignments");
        group.MapGet("/", async ([AsParameters] ListAssignments.Query query, AppDb db, Access access, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await ListAssignments.HandleAsync(query, db, await access.GetAsync(ct), clock, ct)))
            .WithSummary("List the assignments one may see, latest first (locationId, resourceId, memberId, companyId, current=true for those not over, page, pageSize): staff their locations', members their own, company admins their company's.");
        group.MapPost("/", async (AssignResource.Request request, AppDb db, Access access, AuditTrail audit, TimeProvider clock, IBookingsInTheWay bookings, HttpContext http,
                CancellationToken ct) =>
            {
                var result = await AssignResource.HandleAsync(request, db, await access.GetAsync(ct), audit, clock, bookings, ct);
                return result.Error is AssignResource.BookingsInTheWay inTheWay
                    ? InTheWay(inTheWay, http)
                    : result.ToHttp(http, created => TypedResults.Created($"/api/v1/assignments/{created.Id}", created));
            })
            .Validate<AssignResource.Request>().Produces<AssignmentResponse>(201).ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Assign a dedicated desk or a private office to a member or a company (memberId or companyId) from a local date until another (exclusive; none: open-ended), with its monthly price. 409 when it is already assigned then, or booked (the bookings are listed).")
            .RequireAuthorization(Policies.Manager);
        group.MapPost("/{id:guid}/end", async (Guid id, EndAssignment.Request request, AppDb db, Access access, AuditTrail audit, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                (await EndAssignment.HandleAsync(id, request, db, await access.GetAsync(ct), audit, clock, ct)).ToHttp(http))
            .Validate<EndAssignment.Request>().Produces<AssignmentResponse>().ProducesProblem(403).ProducesProblem(404)
            .WithSummary("End an assignment on a local date (exclusive; default: tomorrow). It can be shortened, not lengthened.")
            .RequireAuthorization(Policies.Manager);
    }

    /// 409 naming `from`, with the bookings in the way (ids and local times, no names).
    private static IResult InTheWay(AssignResource.BookingsInTheWay error, HttpContext http)
    {
        var l = http.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Common.Localization.SharedResource>>();
        return TypedResults.Problem(statusCode: 409, title: l["Conflict."], detail: l[error.Message], extensions: new Dictionary<string, object?>
        {
            ["errors"] = new Dictionary<string, string[]> { ["from"] = [l[error.Message]] },
            ["bookings"] = error.Bookings,
        });
    }
}
