using Cotravail.Common.Auth;
using Cotravail.Common.Errors;
using Cotravail.Modules.Privacy.Erasure;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Community.Moderation;

/// Reports and moderation of the community's posts (ADR 30): POST /api/v1/community/reports for members;
/// /api/v1/admin/community/moderation for the managers of the post's location and network admins.
internal static class ModerationModule
{
    public static IServiceCollection AddModeration(this IServiceCollection services) => services
        .AddScoped<CommunityModeration>()
        .AddScoped<IErasureStep, ModerationErasure>();

    public static void MapModeration(this RouteGroupBuilder api)
    {
        api.MapPost("/community/reports", async (ReportInput input, CommunityModeration moderation, Access access, HttpContext http, CancellationToken ct) =>
                (await moderation.ReportAsync(input, await access.GetAsync(ct), ct)).ToHttp(http, r => TypedResults.Created($"/api/v1/community/reports/{r.Id}", r)))
            .WithTags("Community").Validate<ReportInput>().Produces<ReportView>(201).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Report a post (kind Question, Answer or Project; postId; reason Spam, Offensive, PersonalData or Other; an optional note of up to 500 "
                + "characters). One open report per post and member (409 for a second), not one's own post, 20 a day.");

        var moderation = api.MapGroup("/admin/community/moderation").WithTags("Community moderation").RequireAuthorization(Policies.Manager);
        moderation.MapGet("", async (CommunityModeration moderation, Access access, HttpContext http, CancellationToken ct) =>
                (await moderation.QueueAsync(await access.GetAsync(ct), ct)).ToHttp(http))
            .Produces<ModerationQueue>().ProducesProblem(403)
            .WithSummary("The moderation queue of the locations I manage: reported posts with their text, report counts, reasons and notes; and the hidden posts.");
        moderation.MapGet("/{kind}/{id:guid}", async (string kind, Guid id, CommunityModeration moderation, Access access, HttpContext http, CancellationToken ct) =>
                (await moderation.GetAsync(kind, id, await access.GetAsync(ct), ct)).ToHttp(http))
            .Produces<ModeratedPost>().ProducesProblem(403).ProducesProblem(404)
            .WithSummary("One post as moderators see it, hidden or not (kind: questions, answers or projects).");
        moderation.MapPost("/{kind}/{id:guid}/hide", async (string kind, Guid id, HideInput input, CommunityModeration moderation, Access access, HttpContext http,
                CancellationToken ct) =>
                (await moderation.HideAsync(kind, id, input, await access.GetAsync(ct), ct)).ToHttp(http))
            .Validate<HideInput>().Produces<ModeratedPost>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Hide a post from the community with a reason (up to 500 characters), told to its author; its open reports are upheld. 409 if already hidden.");
        moderation.MapPost("/{kind}/{id:guid}/unhide", async (string kind, Guid id, CommunityModeration moderation, Access access, HttpContext http, CancellationToken ct) =>
                (await moderation.UnhideAsync(kind, id, await access.GetAsync(ct), ct)).ToHttp(http))
            .Produces<ModeratedPost>().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Show a hidden post again. 409 if it is not hidden.");
        moderation.MapPost("/{kind}/{id:guid}/dismiss", async (string kind, Guid id, CommunityModeration moderation, Access access, HttpContext http, CancellationToken ct) =>
                (await moderation.DismissAsync(kind, id, await access.GetAsync(ct), ct)).ToHttp(http))
            .Produces<ModeratedPost>().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Dismiss the post's open reports: it stays shown. 409 if it has none.");
    }
}

/// The reports a person made are deleted with their account, and so are the reports about their posts (the posts
/// themselves, hidden or not, go with the questions' and projects' steps).
internal sealed class ModerationErasure : IErasureStep
{
    public IReadOnlyCollection<string> Tables { get; } = ["CommunityReports"];

    public async Task EraseAsync(ErasureContext context, CancellationToken ct)
    {
        if (context.Subject.MemberId is not { } memberId)
        {
            return;
        }
        await context.Db.CommunityReports.Where(r => r.ReporterId == memberId || r.AuthorId == memberId).ExecuteDeleteAsync(ct);
    }
}
