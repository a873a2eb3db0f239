using Cotravail.Modules.Privacy.Erasure;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;

namespace Cotravail.Modules.Joining;

internal static class JoiningModule
{
    public static IServiceCollection AddJoining(this IServiceCollection services) => services
        .AddScoped<RequestToJoin>()
        .AddScoped<DecideJoinRequest>()
        .AddScoped<InviteMember>()
        .AddScoped<AcceptInvitation>()
        .AddScoped<IErasureStep, JoiningErasure>();

    /// Joining itself is a page flow (/join/{slug}, /join/accept); the API serves staff and company admins.
    public static void MapJoining(this WebApplication app, RouteGroupBuilder api)
    {
        var requests = api.MapGroup("/join-requests").WithTags("Joining").RequireAuthorization(Policies.Manager);
        requests.MapGet("/", async ([AsParameters] ListJoinRequests.Query query, AppDb db, Access access, CancellationToken ct) =>
                TypedResults.Ok(await ListJoinRequests.HandleAsync(query, db, await access.GetAsync(ct), ct)))
            .WithSummary("List the requests to join the locations one manages (locationId, status=Pending|Approved|Declined, page, pageSize).");
        requests.MapPost("/{id:guid}/approve", async (Guid id, DecideJoinRequest decide, Access access, HttpContext http, CancellationToken ct) =>
                (await decide.ApproveAsync(id, await access.GetAsync(ct), ct)).ToHttp(http))
            .Produces<JoinRequestResponse>().ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Approve a request: the person becomes a member of the location and is told by email.");
        requests.MapPost("/{id:guid}/decline", async (Guid id, DeclineInput? input, DecideJoinRequest decide, Access access, HttpContext http, CancellationToken ct) =>
                (await decide.DeclineAsync(id, input ?? new DeclineInput(), await access.GetAsync(ct), ct)).ToHttp(http))
            .Produces<JoinRequestResponse>().ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Decline a request, with an optional reason sent to the person.");
        api.MapPost("/invitations", async (InvitationInput input, InviteMember invite, Access access, HttpContext http, CancellationToken ct) =>
                (await invite.HandleAsync(input, await access.GetAsync(ct), ct))
                    .ToHttp(http, created => TypedResults.Created($"/api/v1/invitations/{created.Id}", created)))
            .Validate<InvitationInput>().WithTags("Joining").Produces<InvitationResponse>(201).ProducesProblem(403).ProducesProblem(409)
            .WithSummary("Invite someone by email (managers of the location; company admins for their company's employees).");
    }
}
