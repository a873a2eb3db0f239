using System.Globalization;
using Cotravail.Common;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Email;
using Cotravail.Common.Errors;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Members;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Community.Questions;

internal sealed record QuestionSummary(
    Guid Id, string Title, QuestionScope Scope, QuestionStatus Status, string AuthorName, IReadOnlyList<SkillRef> Skills,
    int Answers, DateTime CreatedAt, bool ForMe);

internal sealed record QuestionList(IReadOnlyList<QuestionSummary> Items, int Page, int PageSize, int TotalCount);

/// HiddenAt and HiddenReason: set when staff hid the answer; only its author and moderators still read it (ADR 30).
internal sealed record AnswerView(Guid Id, Guid AuthorId, string AuthorName, string Body, DateTime CreatedAt, int Thanks, bool ThankedByMe, bool Solves,
    DateTime? HiddenAt = null, string? HiddenReason = null);

/// A thread: Body and answers' bodies are the Markdown typed (pages render them through ProfileMarkdown).
internal sealed record QuestionView(
    Guid Id, string Title, string Body, QuestionScope Scope, QuestionStatus Status, Guid AuthorId, string AuthorName,
    Guid LocationId, string LocationName, IReadOnlyList<SkillRef> Skills, DateTime CreatedAt, DateTime? ClosedAt,
    Guid? SolvedAnswerId, bool IsMine, IReadOnlyList<AnswerView> Answers, int Notified = 0, DateTime? HiddenAt = null, string? HiddenReason = null);

/// Ask a neighbour (ADR 27): questions, their threads, and who is asked. A "my location" question is read by the
/// members and staff of the author's location (CommunityViewer.Here); a network one by everyone in the network.
/// Authors' names are shown with what they wrote: posting is their own act.
internal sealed class AskNeighbour(AppDb db, Outbox outbox, SiteLinks links, TimeProvider clock, IConfiguration configuration)
{
    /// Question emails a member receives per 24 hours at most ("Cotravail:Community:QuestionEmailsPerDay"); beyond, in-app only.
    public const int DefaultEmailsPerDay = 5;

    public int EmailsPerDay => configuration.GetValue("Cotravail:Community:QuestionEmailsPerDay", DefaultEmailsPerDay);

    /// Questions a member may ask per 24 hours ("Cotravail:Community:QuestionsPerDay"): each one reaches up to 50
    /// neighbours, so a flood of questions would be a flood of notifications.
    public const int DefaultQuestionsPerDay = 10;

    public int QuestionsPerDay => configuration.GetValue("Cotravail:Community:QuestionsPerDay", DefaultQuestionsPerDay);

    public const string TooManyQuestions = "You have asked many questions today: try again tomorrow.";

    /// Answers a member may post per 24 hours ("Cotravail:Community:AnswersPerDay"): each one notifies the asker.
    public const int DefaultAnswersPerDay = 50;

    public int AnswersPerDay => configuration.GetValue("Cotravail:Community:AnswersPerDay", DefaultAnswersPerDay);

    public const string TooManyAnswers = "You have posted many answers today: try again tomorrow.";

    public static readonly string[] StatusFilters = ["open", "solved", "closed", "all"];

    public async Task<Result<QuestionList>> ListAsync(string? status, int? page, int? pageSize, AccessScope scope, CancellationToken ct)
    {
        var viewer = await CommunityViewer.LoadAsync(scope, db, ct);
        if (!viewer.CanBrowse)
        {
            return new NotFound("Member");
        }
        var filter = (status ?? "all").ToLowerInvariant();
        if (!StatusFilters.Contains(filter))
        {
            return new Invalid("status", "Choose open, solved, closed or all.");
        }
        var questions = db.CommunityQuestions.AsNoTracking().VisibleTo(viewer);
        if (filter != "all")
        {
            var wanted = Enum.Parse<QuestionStatus>(filter, ignoreCase: true);
            questions = questions.Where(q => q.Status == wanted);
        }
        var me = viewer.MemberId ?? Guid.Empty;
        var mine = db.MemberSkills.Where(s => s.MemberId == me && s.Use == SkillUse.Offers).Select(s => s.Skill);
        var questionSkills = db.CommunityQuestionSkills;
        var ordered = questions
            .Select(q => new { Question = q, ForMe = questionSkills.Any(s => s.QuestionId == q.Id && mine.Contains(s.Skill)) })
            .OrderByDescending(x => x.ForMe).ThenByDescending(x => x.Question.CreatedAt).ThenByDescending(x => x.Question.Id);
        var request = PageRequest.Of(page, pageSize);
        var total = await questions.CountAsync(ct);
        var rows = await ordered.Skip(request.Offset).Take(request.PageSize).Select(x => new { x.Question, x.ForMe }).ToListAsync(ct);
        var summaries = await SummariesAsync([.. rows.Select(r => (r.Question, r.ForMe))], ct);
        return new QuestionList(summaries, request.Page, request.PageSize, total);
    }

    /// Open questions asked since a moment whose skills match what the member offers and that they may read
    /// (the weekly digest's part, which passes the member's own viewer: as the member sees the community, not as
    /// any staff role of the same person), newest first, their own excluded.
    public static async Task<IReadOnlyList<QuestionSummary>> OpenQuestionsMatchingAsync(CommunityViewer viewer, DateTime since, AppDb db, CancellationToken ct)
    {
        if (viewer.MemberId is not { } memberId)
        {
            return [];
        }
        var mine = db.MemberSkills.Where(s => s.MemberId == memberId && s.Use == SkillUse.Offers).Select(s => s.Skill);
        var matching = db.CommunityQuestionSkills.Where(s => mine.Contains(s.Skill)).Select(s => s.QuestionId);
        var rows = await db.CommunityQuestions.AsNoTracking().VisibleTo(viewer)
            .Where(q => q.Status == QuestionStatus.Open && q.CreatedAt >= since && q.AuthorId != memberId && matching.Contains(q.Id))
            .OrderByDescending(q => q.CreatedAt).Take(50).ToListAsync(ct);
        return await new AskNeighbourReader(db).SummariesAsync([.. rows.Select(q => (q, true))], ct);
    }

    public async Task<Result<QuestionView>> CreateAsync(QuestionInput input, AccessScope scope, CancellationToken ct)
    {
        if (scope.MemberId is not { } memberId)
        {
            return new NotFound("Member");
        }
        var author = await db.Members.AsNoTracking().Where(m => m.Id == memberId && m.IsActive).Select(m => new { m.HomeLocationId }).FirstOrDefaultAsync(ct);
        if (author is null)
        {
            return new NotFound("Member");
        }
        var viewer = await CommunityViewer.LoadAsync(scope, db, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now.AddDays(-1);
        if (await db.CommunityQuestions.CountAsync(q => q.AuthorId == memberId && q.CreatedAt > since, ct) >= QuestionsPerDay)
        {
            return new Conflict(nameof(QuestionInput.Title), TooManyQuestions);
        }
        var skills = input.Skills.Distinct(StringComparer.Ordinal).ToList();
        var question = new CommunityQuestion(memberId, author.HomeLocationId, input.Scope, input.Title!.Trim(), input.Body!.Trim(), now);
        int notified;
        using (await SqliteWriteGate.EnterAsync(db, ct))
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            db.CommunityQuestions.Add(question);
            db.CommunityQuestionSkills.AddRange(skills.Select(s => new CommunityQuestionSkill(question.Id, s)));
            await db.SaveChangesAsync(ct);
            var matches = await MatchNeighbours.RunAsync(question, skills, viewer, db, clock, ct);
            await NotifyAsync(question, matches, now, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            notified = matches.Count;
        }
        var view = await GetAsync(question.Id, scope, ct);
        return view.IsOk ? view.Value with { Notified = notified } : view;
    }

    /// In-app for every match; by email too while the member is under the daily limit.
    private async Task NotifyAsync(CommunityQuestion question, IReadOnlyList<MatchNeighbours.Match> matches, DateTime now, CancellationToken ct)
    {
        if (matches.Count == 0)
        {
            return;
        }
        var ids = matches.Select(m => m.MemberId).ToList();
        var since = now.AddDays(-1);
        var emailed = await db.CommunityNotifications.AsNoTracking()
            .Where(n => ids.Contains(n.MemberId) && n.Emailed && n.CreatedAt > since)
            .GroupBy(n => n.MemberId).Select(g => new { MemberId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.MemberId, x => x.Count, ct);
        var people = await (from m in db.Members.AsNoTracking().Where(m => ids.Contains(m.Id))
                            join u in db.Users.AsNoTracking() on m.UserId equals (Guid?)u.Id into users
                            from u in users.DefaultIfEmpty()
                            select new { m.Id, m.FirstName, m.Email, Culture = u == null ? null : u.PreferredCulture })
            .ToListAsync(ct);
        var limit = EmailsPerDay;
        var link = links.Absolute($"/community/questions/{question.Id}");
        var skills = await db.CommunityQuestionSkills.AsNoTracking().Where(s => s.QuestionId == question.Id).Select(s => s.Skill).ToListAsync(ct);
        foreach (var person in people)
        {
            var email = emailed.GetValueOrDefault(person.Id) < limit && person.Email.Contains('@', StringComparison.Ordinal);
            db.CommunityNotifications.Add(new CommunityNotification(person.Id, NotificationKind.QuestionForYou, question.Id, email, now));
            if (email)
            {
                outbox.Enqueue(person.Email, person.Culture, l => QuestionEmails.ForYou(l, person.FirstName, question.Title,
                    string.Join(", ", skills.Where(SkillVocabulary.BySlug.ContainsKey).Select(s => SkillVocabulary.BySlug[s].Name(CultureInfo.CurrentUICulture))),
                    link));
            }
        }
    }

    public async Task<Result<QuestionView>> GetAsync(Guid id, AccessScope scope, CancellationToken ct)
    {
        var viewer = await CommunityViewer.LoadAsync(scope, db, ct);
        if (!viewer.CanBrowse)
        {
            return new NotFound("Question");
        }
        var question = await db.CommunityQuestions.AsNoTracking().VisibleTo(viewer).FirstOrDefaultAsync(q => q.Id == id, ct);
        if (question is null)
        {
            return new NotFound("Question");
        }
        var culture = CultureInfo.CurrentUICulture;
        var skills = await db.CommunityQuestionSkills.AsNoTracking().Where(s => s.QuestionId == id).Select(s => s.Skill).ToListAsync(ct);
        var me = viewer.MemberId ?? Guid.Empty;
        var moderator = viewer.CanModerate(question.LocationId);
        var answers = await db.CommunityAnswers.AsNoTracking().Where(a => a.QuestionId == id && (a.HiddenAt == null || a.AuthorId == me || moderator))
            .OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).ToListAsync(ct);
        var answerIds = answers.Select(a => a.Id).ToList();
        var thanks = await db.CommunityThanks.AsNoTracking().Where(t => answerIds.Contains(t.AnswerId)).Select(t => new { t.AnswerId, t.MemberId }).ToListAsync(ct);
        var names = await NamesAsync([question.AuthorId, .. answers.Select(a => a.AuthorId)], ct);
        var location = await db.Locations.AsNoTracking().Where(l => l.Id == question.LocationId).Select(l => l.Name).FirstOrDefaultAsync(ct) ?? "";
        return new QuestionView(
            question.Id, question.Title, question.Body, question.Scope, question.Status, question.AuthorId, names.GetValueOrDefault(question.AuthorId, ""),
            question.LocationId, location, SkillRefs(skills, culture), question.CreatedAt, question.ClosedAt, question.SolvedAnswerId,
            question.AuthorId == viewer.MemberId,
            [.. answers.Select(a => new AnswerView(a.Id, a.AuthorId, names.GetValueOrDefault(a.AuthorId, ""), a.Body, a.CreatedAt,
                thanks.Count(t => t.AnswerId == a.Id), thanks.Any(t => t.AnswerId == a.Id && t.MemberId == viewer.MemberId), a.Id == question.SolvedAnswerId,
                a.HiddenAt, a.HiddenReason))],
            HiddenAt: question.HiddenAt, HiddenReason: question.HiddenReason);
    }

    public async Task<Result<QuestionView>> AnswerAsync(Guid id, AnswerInput input, AccessScope scope, CancellationToken ct)
    {
        var (question, error) = await FindAsync(id, scope, ct);
        if (error is not null)
        {
            return error;
        }
        if (question!.Status == QuestionStatus.Closed)
        {
            return new Conflict("Status", "This question is closed: it takes no more answers.");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var memberId = scope.MemberId!.Value;
        var since = now.AddDays(-1);
        if (await db.CommunityAnswers.CountAsync(a => a.AuthorId == memberId && a.CreatedAt > since, ct) >= AnswersPerDay)
        {
            return new Conflict(nameof(AnswerInput.Body), TooManyAnswers);
        }
        db.CommunityAnswers.Add(new CommunityAnswer(id, memberId, input.Body!.Trim(), now));
        if (question.AuthorId != memberId)
        {
            db.CommunityNotifications.Add(new CommunityNotification(question.AuthorId, NotificationKind.Answered, id, emailed: false, now));
        }
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, scope, ct);
    }

    public async Task<Result<QuestionView>> ThankAsync(Guid id, Guid answerId, AccessScope scope, CancellationToken ct)
    {
        var (question, error) = await FindAsync(id, scope, ct);
        if (error is not null)
        {
            return error;
        }
        var answer = await db.CommunityAnswers.AsNoTracking().FirstOrDefaultAsync(a => a.Id == answerId && a.QuestionId == question!.Id, ct);
        if (answer is null)
        {
            return new NotFound("Answer");
        }
        var memberId = scope.MemberId!.Value;
        if (answer.AuthorId == memberId)
        {
            return new Conflict("AnswerId", "You cannot thank yourself.");
        }
        if (!await db.CommunityThanks.AnyAsync(t => t.AnswerId == answerId && t.MemberId == memberId, ct))
        {
            db.CommunityThanks.Add(new CommunityThanks(answerId, memberId, clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync(ct);
        }
        return await GetAsync(id, scope, ct);
    }

    public async Task<Result<QuestionView>> SolveAsync(Guid id, SolveInput input, AccessScope scope, CancellationToken ct)
    {
        var (question, error) = await FindAsync(id, scope, ct, tracked: true);
        if (error is not null)
        {
            return error;
        }
        if (question!.AuthorId != scope.MemberId)
        {
            return new Forbidden();
        }
        if (question.Status == QuestionStatus.Closed)
        {
            return new Conflict("Status", "This question is closed.");
        }
        if (!await db.CommunityAnswers.AnyAsync(a => a.Id == input.AnswerId && a.QuestionId == id, ct))
        {
            return new Invalid("AnswerId", "Choose an answer of this question.");
        }
        question.Solve(input.AnswerId);
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, scope, ct);
    }

    public async Task<Result<QuestionView>> CloseAsync(Guid id, AccessScope scope, CancellationToken ct)
    {
        var (question, error) = await FindAsync(id, scope, ct, tracked: true);
        if (error is not null)
        {
            return error;
        }
        if (question!.AuthorId != scope.MemberId)
        {
            return new Forbidden();
        }
        if (question.Status != QuestionStatus.Closed)
        {
            question.Close(clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
        }
        return await GetAsync(id, scope, ct);
    }

    /// The question if the caller, a member, may read it.
    private async Task<(CommunityQuestion? Question, Error? Error)> FindAsync(Guid id, AccessScope scope, CancellationToken ct, bool tracked = false)
    {
        if (scope.MemberId is null)
        {
            return (null, new NotFound("Question"));
        }
        var viewer = await CommunityViewer.LoadAsync(scope, db, ct);
        var source = tracked ? db.CommunityQuestions : db.CommunityQuestions.AsNoTracking();
        var question = await source.VisibleTo(viewer).FirstOrDefaultAsync(q => q.Id == id, ct);
        return question is null ? (null, new NotFound("Question")) : (question, null);
    }

    private Task<IReadOnlyList<QuestionSummary>> SummariesAsync(List<(CommunityQuestion Question, bool ForMe)> rows, CancellationToken ct) =>
        new AskNeighbourReader(db).SummariesAsync(rows, ct);

    private Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid> ids, CancellationToken ct) => new AskNeighbourReader(db).NamesAsync(ids, ct);

    internal static List<SkillRef> SkillRefs(IEnumerable<string> slugs, CultureInfo culture) =>
        [.. slugs.Where(SkillVocabulary.BySlug.ContainsKey).Select(s => SkillRef.Of(SkillVocabulary.BySlug[s], culture)).OrderBy(s => s.Name, StringComparer.Create(culture, true))];
}

/// Reads what lists show: names, skills and answer counts, a few queries per page.
internal sealed class AskNeighbourReader(AppDb db)
{
    public async Task<IReadOnlyList<QuestionSummary>> SummariesAsync(List<(CommunityQuestion Question, bool ForMe)> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return [];
        }
        var culture = CultureInfo.CurrentUICulture;
        var ids = rows.Select(r => r.Question.Id).ToList();
        var skills = await db.CommunityQuestionSkills.AsNoTracking().Where(s => ids.Contains(s.QuestionId)).ToListAsync(ct);
        var counts = await db.CommunityAnswers.AsNoTracking().Where(a => ids.Contains(a.QuestionId) && a.HiddenAt == null).GroupBy(a => a.QuestionId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var names = await NamesAsync(rows.Select(r => r.Question.AuthorId), ct);
        return [.. rows.Select(r => new QuestionSummary(r.Question.Id, r.Question.Title, r.Question.Scope, r.Question.Status,
            names.GetValueOrDefault(r.Question.AuthorId, ""),
            AskNeighbour.SkillRefs(skills.Where(s => s.QuestionId == r.Question.Id).Select(s => s.Skill), culture),
            counts.GetValueOrDefault(r.Question.Id), r.Question.CreatedAt, r.ForMe))];
    }

    public async Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        var rows = await db.Members.AsNoTracking().Where(m => list.Contains(m.Id)).Select(m => new { m.Id, m.FirstName, m.LastName }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => $"{r.FirstName} {r.LastName}");
    }
}

internal static class QuestionQueries
{
    /// The questions a viewer may read: their own, network ones, and "my location" ones of the locations they are at;
    /// a hidden one only when it is theirs or they moderate its location (ADR 30).
    public static IQueryable<CommunityQuestion> VisibleTo(this IQueryable<CommunityQuestion> questions, CommunityViewer viewer)
    {
        var here = viewer.Here.ToList();
        var all = viewer.AllHere;
        var me = viewer.MemberId ?? Guid.Empty;
        var moderates = viewer.Moderates;
        var moderatesAll = viewer.ModeratesAll;
        return questions.Where(q => (q.AuthorId == me || q.Scope == QuestionScope.Network || all || here.Contains(q.LocationId))
            && (q.HiddenAt == null || q.AuthorId == me || moderatesAll || moderates.Contains(q.LocationId)));
    }
}
