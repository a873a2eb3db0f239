using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Email;
using Cotravail.Common.Errors;
using Cotravail.Common.Localization;
using Cotravail.Modules.Privacy.Erasure;
using Cotravail.Modules.Community.Questions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Community.Projects;

/// The projects and partnerships board (ADR 28): /api/v1/community/projects and /community/projects.
internal static class ProjectsModule
{
    public static IServiceCollection AddProjects(this IServiceCollection services) =>
        services.AddScoped<IErasureStep, ProjectErasure>();

    public static void MapProjects(this RouteGroupBuilder community)
    {
        var projects = community.MapGroup("/projects").WithTags("Community projects");
        projects.MapGet("", async ([AsParameters] ProjectBoard.ListQuery query, AppDb db, Access access, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                (await ProjectBoard.ListAsync(query, await ViewerAsync(access, db, ct), db, clock, ct)).ToHttp(http))
            .Produces<ProjectBoard.ListResponse>().ProducesValidationProblem().ProducesProblem(404)
            .WithSummary("Open projects and calls for partners I may see, those seeking my skills first (trade, skill, page, pageSize).");
        projects.MapPost("", async (ProjectInput input, AppDb db, Access access, IStringLocalizer<SharedResource> l, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                (await ProjectBoard.CreateAsync(input, await ViewerAsync(access, db, ct), db, l, clock, ct))
                    .ToHttp(http, view => TypedResults.Created($"/api/v1/community/projects/{view.Id}", view)))
            .Validate<ProjectInput>().Produces<ProjectView>(201).ProducesValidationProblem().ProducesProblem(404)
            .WithSummary("Propose a project or a call for partners: kind, title, description (Markdown), 1 to 8 skills, deadline, scope (Location or Network).");
        projects.MapGet("/{id:guid}", async (Guid id, AppDb db, Access access, IStringLocalizer<SharedResource> l, HttpContext http, CancellationToken ct) =>
                (await ProjectBoard.GetAsync(id, await ViewerAsync(access, db, ct), db, l, ct)).ToHttp(http))
            .Produces<ProjectView>().ProducesProblem(404).WithSummary("A project, its team as each member shows themselves to me, and (for its owner) who is interested, invited or introduced.");
        projects.MapPut("/{id:guid}", async (Guid id, ProjectInput input, AppDb db, Access access, IStringLocalizer<SharedResource> l, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                (await ProjectBoard.UpdateAsync(id, input, await ViewerAsync(access, db, ct), db, l, clock, ct)).ToHttp(http))
            .Validate<ProjectInput>().Produces<ProjectView>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404)
            .WithSummary("Change my project (its owner only).");
        projects.MapPost("/{id:guid}/close", async (Guid id, AppDb db, Access access, IStringLocalizer<SharedResource> l, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                (await ProjectBoard.CloseAsync(id, await ViewerAsync(access, db, ct), db, l, clock, ct)).ToHttp(http))
            .Produces<ProjectView>().ProducesProblem(403).ProducesProblem(404).WithSummary("Close my project (its owner only).");
        projects.MapPost("/{id:guid}/interest", async (Guid id, InterestInput input, AppDb db, Access access, IStringLocalizer<SharedResource> l, Outbox outbox, SiteLinks links,
                TimeProvider clock, HttpContext http, CancellationToken ct) =>
                (await ProjectBoard.InterestAsync(id, input, await ViewerAsync(access, db, ct), db, l, outbox, links, clock, ct)).ToHttp(http))
            .Validate<InterestInput>().Produces<ProjectView>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Say I am interested, with a short note; the owner is told by email.");
        projects.MapPost("/{id:guid}/invite", async (Guid id, MemberChoice input, AppDb db, Access access, IStringLocalizer<SharedResource> l, Outbox outbox, SiteLinks links,
                TimeProvider clock, HttpContext http, CancellationToken ct) =>
                (await ProjectBoard.InviteAsync(id, input, await ViewerAsync(access, db, ct), db, l, outbox, links, clock, ct)).ToHttp(http))
            .Produces<ProjectView>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Invite a member listed to me (the owner only); inviting someone interested takes them into the team.");
        projects.MapPost("/{id:guid}/accept", async (Guid id, MemberChoice input, AppDb db, Access access, IStringLocalizer<SharedResource> l, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                (await ProjectBoard.AcceptAsync(id, input, await ViewerAsync(access, db, ct), db, l, clock, ct)).ToHttp(http))
            .Produces<ProjectView>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404)
            .WithSummary("Accept my invitation (no memberId), or, as the owner, accept an interested member into the team.");
        projects.MapPost("/{id:guid}/decline", async (Guid id, MemberChoice input, AppDb db, Access access, IStringLocalizer<SharedResource> l, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                (await ProjectBoard.DeclineAsync(id, input, await ViewerAsync(access, db, ct), db, l, clock, ct)).ToHttp(http))
            .Produces<ProjectView>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404)
            .WithSummary("Decline my invitation or leave (no memberId), or, as the owner, decline an interested member or take one off the team.");
        projects.MapPost("/{id:guid}/introductions", async (Guid id, MemberChoice input, AppDb db, Access access, IStringLocalizer<SharedResource> l, Outbox outbox, SiteLinks links,
                TimeProvider clock, HttpContext http, CancellationToken ct) =>
                (await ProjectBoard.IntroduceAsync(id, input, await ViewerAsync(access, db, ct), db, l, outbox, links, clock, ct)).ToHttp(http))
            .Produces<ProjectView>().ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Introduce a member listed to me to this project: recorded (who, whom, when), and they are told by email.");
    }

    private static async Task<CommunityViewer> ViewerAsync(Access access, AppDb db, CancellationToken ct) =>
        await CommunityViewer.LoadAsync(await access.GetAsync(ct), db, ct);
}

/// A member's own projects go with their account (with their skills, team and introductions); their places in
/// other projects' teams and every introduction naming them (made or received) are deleted too.
internal sealed class ProjectErasure : IErasureStep
{
    public IReadOnlyCollection<string> Tables { get; } = ["CommunityProjects", "ProjectMembers", "Introductions"];

    public async Task EraseAsync(ErasureContext context, CancellationToken ct)
    {
        if (context.Subject.MemberId is not { } memberId)
        {
            return;
        }
        var db = context.Db;
        var own = db.CommunityProjects.Where(p => p.OwnerMemberId == memberId).Select(p => p.Id);
        await db.Introductions.Where(i => i.IntroducerMemberId == memberId || i.IntroducedMemberId == memberId || own.Contains(i.ProjectId)).ExecuteDeleteAsync(ct);
        await db.ProjectMembers.Where(m => m.MemberId == memberId || own.Contains(m.ProjectId)).ExecuteDeleteAsync(ct);
        await db.ProjectSkills.Where(s => own.Contains(s.ProjectId)).ExecuteDeleteAsync(ct);
        // Notifications about the member's projects (a moderation notice, ADR 30), hidden or not.
        await db.CommunityNotifications.Where(n => n.ProjectId != null && own.Contains(n.ProjectId.Value)).ExecuteDeleteAsync(ct);
        await db.CommunityProjects.Where(p => p.OwnerMemberId == memberId).ExecuteDeleteAsync(ct);
    }
}
