using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Common.Web;
using Cotravail.Modules.Privacy.Erasure;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Community.Questions;

/// Ask a neighbour (ADR 27): questions matched to the skills of members in today, at the location, in the network;
/// threads, thanks, solved and closed; in-app notifications, emails within a daily limit, muted topics.
internal static class QuestionsModule
{
    public static IServiceCollection AddQuestions(this IServiceCollection services)
    {
        services.AddScoped<AskNeighbour>();
        services.AddScoped<IErasureStep, QuestionsErasure>();
        services.AddScoped<IMenuBadge, UnreadNotificationsBadge>();
        return services;
    }

    public static void MapQuestions(this RouteGroupBuilder api)
    {
        var questions = api.MapGroup("/community/questions").WithTags("Community");
        questions.MapGet("", async (string? status, int? page, int? pageSize, AskNeighbour ask, Access access, HttpContext http, CancellationToken ct) =>
                (await ask.ListAsync(status, page, pageSize, await access.GetAsync(ct), ct)).ToHttp(http))
            .Produces<QuestionList>().ProducesValidationProblem().ProducesProblem(404)
            .WithSummary("Questions I may read, those calling for my skills first (status: open, solved, closed or all; page, pageSize).");
        questions.MapPost("", async (QuestionInput input, AskNeighbour ask, Access access, HttpContext http, CancellationToken ct) =>
                (await ask.CreateAsync(input, await access.GetAsync(ct), ct)).ToHttp(http, q => TypedResults.Created($"/api/v1/community/questions/{q.Id}", q)))
            .Validate<QuestionInput>().Produces<QuestionView>(201).ProducesProblem(404)
            .WithSummary("Ask a question or a need (title, Markdown body, 1 to 5 skills, scope Location or Network); members offering those skills are notified.");
        questions.MapGet("/{id:guid}", async (Guid id, AskNeighbour ask, Access access, HttpContext http, CancellationToken ct) =>
                (await ask.GetAsync(id, await access.GetAsync(ct), ct)).ToHttp(http))
            .Produces<QuestionView>().ProducesProblem(404).WithSummary("A question and its answers.");
        questions.MapPost("/{id:guid}/answers", async (Guid id, AnswerInput input, AskNeighbour ask, Access access, HttpContext http, CancellationToken ct) =>
                (await ask.AnswerAsync(id, input, await access.GetAsync(ct), ct)).ToHttp(http))
            .Validate<AnswerInput>().Produces<QuestionView>().ProducesProblem(404).ProducesProblem(409)
            .WithSummary("Answer a question (Markdown); a closed question takes no more answers.");
        questions.MapPost("/{id:guid}/answers/{answerId:guid}/thanks", async (Guid id, Guid answerId, AskNeighbour ask, Access access, HttpContext http, CancellationToken ct) =>
                (await ask.ThankAsync(id, answerId, await access.GetAsync(ct), ct)).ToHttp(http))
            .Produces<QuestionView>().ProducesProblem(404).ProducesProblem(409).WithSummary("Thank the author of an answer.");
        questions.MapPost("/{id:guid}/solve", async (Guid id, SolveInput input, AskNeighbour ask, Access access, HttpContext http, CancellationToken ct) =>
                (await ask.SolveAsync(id, input, await access.GetAsync(ct), ct)).ToHttp(http))
            .Produces<QuestionView>().ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(409)
            .WithSummary("The author marks the answer that solves their question.");
        questions.MapPost("/{id:guid}/close", async (Guid id, AskNeighbour ask, Access access, HttpContext http, CancellationToken ct) =>
                (await ask.CloseAsync(id, await access.GetAsync(ct), ct)).ToHttp(http))
            .Produces<QuestionView>().ProducesProblem(403).ProducesProblem(404).WithSummary("The author closes their question.");

        var me = api.MapGroup("/me").WithTags("Community");
        me.MapGet("/notifications", async (int? page, int? pageSize, AppDb db, Access access, HttpContext http, CancellationToken ct) =>
                (await CommunityNotifications.ListAsync(await access.GetAsync(ct), db, ct, page, pageSize)).ToHttp(http))
            .Produces<NotificationList>().ProducesProblem(404)
            .WithSummary("My community notifications, newest first (page; pageSize up to 100, 50 by default), with how many there are and how many are unread.");
        me.MapPost("/notifications/read", async (ReadInput input, AppDb db, Access access, TimeProvider clock, HttpContext http, CancellationToken ct) =>
                (await CommunityNotifications.MarkReadAsync(input, await access.GetAsync(ct), db, clock, ct)).ToHttp(http))
            .Produces<NotificationList>().ProducesProblem(404).WithSummary("Mark notifications read (ids; none: all).");
        me.MapGet("/community-mutes", async (AppDb db, Access access, HttpContext http, CancellationToken ct) =>
                (await CommunityNotifications.MutesAsync(await access.GetAsync(ct), db, ct)).ToHttp(http))
            .Produces<MutesView>().ProducesProblem(404).WithSummary("The topics I mute (skills, or trade:Tech for a whole trade).");
        me.MapPut("/community-mutes", async (MutesInput input, AppDb db, Access access, HttpContext http, CancellationToken ct) =>
                (await CommunityNotifications.SaveMutesAsync(input, await access.GetAsync(ct), db, ct)).ToHttp(http))
            .Validate<MutesInput>().Produces<MutesView>().ProducesProblem(404)
            .WithSummary("Replace the topics I mute: questions touching them are not sent to me.");
    }
}

/// A person's questions (with their threads), answers, thanks, mutes and notifications are deleted with their
/// account (ADR 27); a question another member's answer solved loses only that mark.
internal sealed class QuestionsErasure : IErasureStep
{
    public IReadOnlyCollection<string> Tables { get; } =
        ["CommunityQuestions", "CommunityQuestionSkills", "CommunityAnswers", "CommunityThanks", "CommunityMutes", "CommunityNotifications"];

    public async Task EraseAsync(ErasureContext context, CancellationToken ct)
    {
        if (context.Subject.MemberId is not { } memberId)
        {
            return;
        }
        var db = context.Db;
        var answers = db.CommunityAnswers.Where(a => a.AuthorId == memberId).Select(a => a.Id);
        await db.CommunityQuestions.Where(q => q.SolvedAnswerId != null && answers.Contains(q.SolvedAnswerId.Value))
            .ExecuteUpdateAsync(s => s.SetProperty(q => q.SolvedAnswerId, (Guid?)null), ct);
        var questions = db.CommunityQuestions.Where(q => q.AuthorId == memberId).Select(q => q.Id);
        await db.CommunityNotifications.Where(n => n.MemberId == memberId || (n.QuestionId != null && questions.Contains(n.QuestionId.Value))).ExecuteDeleteAsync(ct);
        await db.CommunityThanks.Where(t => t.MemberId == memberId || answers.Contains(t.AnswerId)).ExecuteDeleteAsync(ct);
        var threads = db.CommunityAnswers.Where(a => questions.Contains(a.QuestionId)).Select(a => a.Id);
        await db.CommunityThanks.Where(t => threads.Contains(t.AnswerId)).ExecuteDeleteAsync(ct);
        await db.CommunityAnswers.Where(a => a.AuthorId == memberId || questions.Contains(a.QuestionId)).ExecuteDeleteAsync(ct);
        await db.CommunityQuestionSkills.Where(s => questions.Contains(s.QuestionId)).ExecuteDeleteAsync(ct);
        await db.CommunityQuestions.Where(q => q.AuthorId == memberId).ExecuteDeleteAsync(ct);
        await db.CommunityMutes.Where(m => m.MemberId == memberId).ExecuteDeleteAsync(ct);
    }
}
