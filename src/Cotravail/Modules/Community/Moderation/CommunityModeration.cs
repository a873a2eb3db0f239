using System.Linq.Expressions;
using Cotravail.Common.Audit;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Email;
using Cotravail.Common.Errors;
using Cotravail.Modules.Community.Projects;
using Cotravail.Modules.Community.Questions;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Members;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Community.Moderation;

internal sealed record ReportView(Guid Id, PostKind Kind, Guid PostId, ReportReason Reason, string Note, ReportStatus Status, DateTime CreatedAt);

internal sealed record ReportTarget(PostKind Kind, Guid Id, string Title, string Link, bool IsMine);

internal sealed record ReasonCount(ReportReason Reason, int Count);

/// A post as the moderation queue shows it to staff: its text (hidden or not), its author, and its reports.
/// Title is the question's or project's title (for an answer, its question's); Body the post's own Markdown.
internal sealed record ModeratedPost(
    PostKind Kind, Guid Id, string Title, string Body, Guid AuthorId, string AuthorName, Guid LocationId, string LocationName,
    DateTime PostedAt, DateTime? HiddenAt, string? HiddenReason, int OpenReports, IReadOnlyList<ReasonCount> Reasons,
    IReadOnlyList<string> Notes, DateTime? LastReportedAt, string Link);

/// Reported: posts with open reports, the most reported first; Hidden: the latest hidden posts (to unhide).
internal sealed record ModerationQueue(IReadOnlyList<ModeratedPost> Reported, IReadOnlyList<ModeratedPost> Hidden);

/// Moderation of the community (ADR 30): members report posts; the managers of the post's location (and network
/// admins) hide them with a reason, unhide them or dismiss the reports. Each decision is one conditional update, so
/// two staff acting at once leave one decision and one audit entry; the loser gets 409.
internal sealed class CommunityModeration(AppDb db, Outbox outbox, SiteLinks links, AuditTrail audit, TimeProvider clock)
{
    public const int QueueSize = 100;

    /// A post's route segment in /api/v1/admin/community/moderation/{kind}/{id}.
    public static PostKind? KindOf(string? segment) => segment?.ToLowerInvariant() switch
    {
        "questions" or "question" => PostKind.Question,
        "answers" or "answer" => PostKind.Answer,
        "projects" or "project" => PostKind.Project,
        _ => null,
    };

    public static string Segment(PostKind kind) => kind switch
    {
        PostKind.Question => "questions",
        PostKind.Answer => "answers",
        _ => "projects",
    };

    private sealed record Post(PostKind Kind, Guid Id, Guid AuthorId, Guid LocationId, Guid? QuestionId, Guid? ProjectId, string Title, string Body,
        DateTime PostedAt, DateTime? HiddenAt, string? HiddenReason);

    private static readonly Expression<Func<CommunityQuestion, Post>> QuestionPost =
        q => new Post(PostKind.Question, q.Id, q.AuthorId, q.LocationId, q.Id, null, q.Title, q.Body, q.CreatedAt, q.HiddenAt, q.HiddenReason);

    private static readonly Expression<Func<CommunityProject, Post>> ProjectPost =
        p => new Post(PostKind.Project, p.Id, p.OwnerMemberId, p.LocationId, null, p.Id, p.Title, p.Description, p.CreatedAt, p.HiddenAt, p.HiddenReason);

    public async Task<Result<ReportView>> ReportAsync(ReportInput input, AccessScope scope, CancellationToken ct)
    {
        if (scope.MemberId is not { } memberId || !await db.Members.AnyAsync(m => m.Id == memberId && m.IsActive, ct))
        {
            return new NotFound("Member");
        }
        var viewer = await CommunityViewer.LoadAsync(scope, db, ct);
        var post = await FindAsync(input.Kind, input.PostId, ct);
        if (post is null || !await VisibleAsync(post, viewer, ct))
        {
            return new NotFound("Post");
        }
        if (post.AuthorId == memberId)
        {
            return new Conflict(nameof(ReportInput.PostId), "You cannot report your own post.");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now.AddDays(-1);
        if (await db.CommunityReports.CountAsync(r => r.ReporterId == memberId && r.CreatedAt > since, ct) >= ModerationLimits.ReportsPerDay)
        {
            return new Conflict(nameof(ReportInput.PostId), "You have made many reports today: try again tomorrow, or write to the staff.");
        }
        if (await OpenReportAsync(memberId, post, ct))
        {
            return new Conflict(nameof(ReportInput.PostId), "You have already reported this post: the staff will look at it.");
        }
        var report = new CommunityReport(memberId, post.Kind, post.Id, post.AuthorId, post.LocationId, input.Reason!.Value, input.Note?.Trim() ?? "", now);
        db.CommunityReports.Add(report);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Matches(e))
        {
            return new Conflict(nameof(ReportInput.PostId), "You have already reported this post: the staff will look at it.");
        }
        return View(report);
    }

    /// What the report form shows of the post: its title and where it is; 404 for a post the member may not read.
    public async Task<Result<ReportTarget>> TargetAsync(PostKind kind, Guid id, AccessScope scope, CancellationToken ct)
    {
        if (scope.MemberId is null)
        {
            return new NotFound("Member");
        }
        var viewer = await CommunityViewer.LoadAsync(scope, db, ct);
        var post = await FindAsync(kind, id, ct);
        if (post is null || !await VisibleAsync(post, viewer, ct))
        {
            return new NotFound("Post");
        }
        var link = post.Kind == PostKind.Project ? $"/community/projects/{post.Id}"
            : post.Kind == PostKind.Answer ? $"/community/questions/{post.QuestionId}#answer-{post.Id}" : $"/community/questions/{post.Id}";
        return new ReportTarget(post.Kind, post.Id, post.Title, link, post.AuthorId == scope.MemberId);
    }

    private Task<bool> OpenReportAsync(Guid memberId, Post post, CancellationToken ct) =>
        db.CommunityReports.AnyAsync(r => r.ReporterId == memberId && r.PostKind == post.Kind && r.PostId == post.Id && r.Status == ReportStatus.Open, ct);

    private static ReportView View(CommunityReport r) => new(r.Id, r.PostKind, r.PostId, r.Reason, r.Note, r.Status, r.CreatedAt);

    /// Whether the member reading a post may see it (and so report it): hidden posts answer 404 to others.
    private async Task<bool> VisibleAsync(Post post, CommunityViewer viewer, CancellationToken ct) => post.Kind switch
    {
        PostKind.Project => await db.VisibleTo(viewer).AnyAsync(p => p.Id == post.Id, ct),
        _ => await db.CommunityQuestions.AsNoTracking().VisibleTo(viewer).AnyAsync(q => q.Id == post.QuestionId, ct)
             && (post.Kind == PostKind.Question || post.HiddenAt is null || post.AuthorId == viewer.MemberId || viewer.CanModerate(post.LocationId)),
    };

    public async Task<Result<ModerationQueue>> QueueAsync(AccessScope scope, CancellationToken ct)
    {
        if (!scope.IsManager)
        {
            return new Forbidden();
        }
        var all = scope.IsNetworkAdmin;
        var managed = scope.ManagedLocations.ToList();
        // The locations managed only: VisibleTo also lets a member read their own reports, which are no queue.
        var groups = await db.CommunityReports.AsNoTracking().VisibleTo(scope)
            .Where(r => r.Status == ReportStatus.Open && (all || managed.Contains(r.LocationId)))
            .GroupBy(r => new { r.PostKind, r.PostId })
            .Select(g => new { g.Key.PostKind, g.Key.PostId, Count = g.Count(), Last = g.Max(r => r.CreatedAt) })
            .OrderByDescending(g => g.Count).ThenByDescending(g => g.Last).Take(QueueSize).ToListAsync(ct);
        var reportedIds = groups.Select(g => g.PostId).ToList();
        var reports = await db.CommunityReports.AsNoTracking().VisibleTo(scope)
            .Where(r => r.Status == ReportStatus.Open && reportedIds.Contains(r.PostId))
            .Select(r => new { r.PostKind, r.PostId, r.Reason, r.Note, r.CreatedAt }).ToListAsync(ct);
        var found = await FindManyAsync([.. groups.Select(g => (g.PostKind, g.PostId))], ct);
        var reportedPosts = groups.Where(g => found.ContainsKey((g.PostKind, g.PostId))).ToList();
        var hidden = new List<Post>();
        hidden.AddRange(await db.CommunityQuestions.AsNoTracking().Where(q => q.HiddenAt != null && (all || managed.Contains(q.LocationId)))
            .OrderByDescending(q => q.HiddenAt).Take(QueueSize)
            .Select(QuestionPost)
            .ToListAsync(ct));
        hidden.AddRange(await (from a in db.CommunityAnswers.AsNoTracking()
                               join q in db.CommunityQuestions.AsNoTracking() on a.QuestionId equals q.Id
                               where a.HiddenAt != null && (all || managed.Contains(q.LocationId))
                               orderby a.HiddenAt descending
                               select new Post(PostKind.Answer, a.Id, a.AuthorId, q.LocationId, q.Id, null, q.Title, a.Body, a.CreatedAt, a.HiddenAt, a.HiddenReason))
            .Take(QueueSize).ToListAsync(ct));
        hidden.AddRange(await db.CommunityProjects.AsNoTracking().Where(p => p.HiddenAt != null && (all || managed.Contains(p.LocationId)))
            .OrderByDescending(p => p.HiddenAt).Take(QueueSize)
            .Select(ProjectPost)
            .ToListAsync(ct));
        var hiddenPosts = hidden.OrderByDescending(p => p.HiddenAt).Take(QueueSize).ToList();
        // Names and locations of every post shown, in two queries (the queue holds up to 2 × QueueSize posts).
        var (names, locations) = await NamesAsync([.. found.Values, .. hiddenPosts], ct);
        var reported = reportedPosts.Select(g =>
        {
            var mine = reports.Where(r => r.PostKind == g.PostKind && r.PostId == g.PostId).ToList();
            return Show(found[(g.PostKind, g.PostId)], g.Count,
                [.. mine.GroupBy(r => r.Reason).Select(x => new ReasonCount(x.Key, x.Count())).OrderByDescending(x => x.Count).ThenBy(x => x.Reason)],
                [.. mine.Where(r => r.Note.Length > 0).OrderBy(r => r.CreatedAt).Select(r => r.Note)], g.Last, names, locations);
        }).ToList();
        var hiddenShown = hiddenPosts.Select(post => Show(post, 0, [], [], null, names, locations)).ToList();
        return new ModerationQueue(reported, hiddenShown);
    }

    public async Task<Result<ModeratedPost>> GetAsync(string kind, Guid id, AccessScope scope, CancellationToken ct)
    {
        var (post, error) = await ModeratedAsync(kind, id, scope, ct);
        if (error is not null)
        {
            return error;
        }
        return await ShowAsync(post!, ct);
    }

    public async Task<Result<ModeratedPost>> HideAsync(string kind, Guid id, HideInput input, AccessScope scope, CancellationToken ct)
    {
        var (post, error) = await ModeratedAsync(kind, id, scope, ct);
        if (error is not null)
        {
            return error;
        }
        var reason = input.Reason!.Trim();
        var now = clock.GetUtcNow().UtcDateTime;
        using (await SqliteWriteGate.EnterAsync(db, ct))
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            // The condition is the lock: of two staff hiding at once, one updates the row, the other finds it hidden.
            var changed = post!.Kind switch
            {
                PostKind.Question => await db.CommunityQuestions.Where(q => q.Id == id && q.HiddenAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(q => q.HiddenAt, now).SetProperty(q => q.HiddenReason, reason), ct),
                PostKind.Answer => await db.CommunityAnswers.Where(a => a.Id == id && a.HiddenAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.HiddenAt, now).SetProperty(a => a.HiddenReason, reason), ct),
                _ => await db.CommunityProjects.Where(p => p.Id == id && p.HiddenAt == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.HiddenAt, now).SetProperty(p => p.HiddenReason, reason), ct),
            };
            if (changed == 0)
            {
                return new Conflict("Status", "This post is already hidden.");
            }
            var upheld = await ResolveAsync(post, ReportStatus.Upheld, now, ct);
            await TellAuthorAsync(post, reason, now, ct);
            audit.Record(AuditActions.CommunityPostHidden, Segment(post.Kind).TrimEnd('s'), post.Id, post.LocationId,
                Detail(post, upheld, reason));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        return await ShowAsync((await FindAsync(post.Kind, post.Id, ct))!, ct);
    }

    public async Task<Result<ModeratedPost>> UnhideAsync(string kind, Guid id, AccessScope scope, CancellationToken ct)
    {
        var (post, error) = await ModeratedAsync(kind, id, scope, ct);
        if (error is not null)
        {
            return error;
        }
        using (await SqliteWriteGate.EnterAsync(db, ct))
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var changed = post!.Kind switch
            {
                PostKind.Question => await db.CommunityQuestions.Where(q => q.Id == id && q.HiddenAt != null)
                    .ExecuteUpdateAsync(s => s.SetProperty(q => q.HiddenAt, (DateTime?)null).SetProperty(q => q.HiddenReason, (string?)null), ct),
                PostKind.Answer => await db.CommunityAnswers.Where(a => a.Id == id && a.HiddenAt != null)
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.HiddenAt, (DateTime?)null).SetProperty(a => a.HiddenReason, (string?)null), ct),
                _ => await db.CommunityProjects.Where(p => p.Id == id && p.HiddenAt != null)
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.HiddenAt, (DateTime?)null).SetProperty(p => p.HiddenReason, (string?)null), ct),
            };
            if (changed == 0)
            {
                return new Conflict("Status", "This post is not hidden.");
            }
            audit.Record(AuditActions.CommunityPostUnhidden, Segment(post.Kind).TrimEnd('s'), post.Id, post.LocationId,
                Detail(post, 0, post.HiddenReason ?? ""));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        return await ShowAsync((await FindAsync(post.Kind, post.Id, ct))!, ct);
    }

    public async Task<Result<ModeratedPost>> DismissAsync(string kind, Guid id, AccessScope scope, CancellationToken ct)
    {
        var (post, error) = await ModeratedAsync(kind, id, scope, ct);
        if (error is not null)
        {
            return error;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        using (await SqliteWriteGate.EnterAsync(db, ct))
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var dismissed = await ResolveAsync(post!, ReportStatus.Dismissed, now, ct);
            if (dismissed == 0)
            {
                return new Conflict("Status", "This post has no open report.");
            }
            audit.Record(AuditActions.CommunityReportsDismissed, Segment(post!.Kind).TrimEnd('s'), post.Id, post.LocationId, Detail(post, dismissed, ""));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        return await ShowAsync(post, ct);
    }

    /// Closes the post's open reports (only those still open: a hide and a dismissal racing each close what is left).
    private Task<int> ResolveAsync(Post post, ReportStatus status, DateTime now, CancellationToken ct) =>
        db.CommunityReports.Where(r => r.PostKind == post.Kind && r.PostId == post.Id && r.Status == ReportStatus.Open)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, status).SetProperty(r => r.ResolvedAt, now), ct);

    /// "question «title»: 2 reports: reason": what and why; the text itself stays in its table for staff to read.
    private static string Detail(Post post, int reports, string reason) =>
        $"{post.Kind} «{post.Title}»" + (reports > 0 ? $", {reports} report(s)" : "") + (reason.Length > 0 ? $": {reason}" : "");

    /// An in-app notification and an email in the author's language, with the reason.
    private async Task TellAuthorAsync(Post post, string reason, DateTime now, CancellationToken ct)
    {
        var author = await (from m in db.Members.AsNoTracking().Where(m => m.Id == post.AuthorId && m.IsActive)
                            join u in db.Users.AsNoTracking() on m.UserId equals (Guid?)u.Id into users
                            from u in users.DefaultIfEmpty()
                            select new { m.FirstName, m.Email, Culture = u == null ? null : u.PreferredCulture }).FirstOrDefaultAsync(ct);
        if (author is null)
        {
            return;
        }
        var email = author.Email.Contains('@', StringComparison.Ordinal);
        var kind = post.Kind switch
        {
            PostKind.Question => NotificationKind.QuestionHidden,
            PostKind.Answer => NotificationKind.AnswerHidden,
            _ => NotificationKind.ProjectHidden,
        };
        db.CommunityNotifications.Add(CommunityNotification.Moderation(post.AuthorId, kind, post.QuestionId, post.ProjectId, reason, email, now));
        if (email)
        {
            var link = links.Absolute(post.Kind == PostKind.Project ? $"/community/projects/{post.Id}" : $"/community/questions/{post.QuestionId}");
            outbox.Enqueue(author.Email, author.Culture, l => ModerationEmails.Hidden(l, author.FirstName, post.Kind, post.Title, reason, link));
        }
    }

    private async Task<(Post? Post, Error? Error)> ModeratedAsync(string kind, Guid id, AccessScope scope, CancellationToken ct)
    {
        if (!scope.IsManager)
        {
            return (null, new Forbidden());
        }
        var post = KindOf(kind) is { } k ? await FindAsync(k, id, ct) : null;
        // A post of another location is not revealed.
        return post is null || !scope.CanManage(post.LocationId) ? (null, new NotFound("Post")) : (post, null);
    }

    private async Task<Post?> FindAsync(PostKind kind, Guid id, CancellationToken ct) =>
        (await FindManyAsync([(kind, id)], ct)).GetValueOrDefault((kind, id));

    private async Task<ModeratedPost> ShowAsync(Post post, CancellationToken ct)
    {
        var reports = await db.CommunityReports.AsNoTracking()
            .Where(r => r.PostKind == post.Kind && r.PostId == post.Id && r.Status == ReportStatus.Open)
            .Select(r => new { r.Reason, r.Note, r.CreatedAt }).ToListAsync(ct);
        return await ShowAsync(post, reports.Count,
            [.. reports.GroupBy(r => r.Reason).Select(x => new ReasonCount(x.Key, x.Count())).OrderByDescending(x => x.Count).ThenBy(x => x.Reason)],
            [.. reports.Where(r => r.Note.Length > 0).OrderBy(r => r.CreatedAt).Select(r => r.Note)],
            reports.Count > 0 ? reports.Max(r => r.CreatedAt) : null, ct);
    }

    private async Task<ModeratedPost> ShowAsync(Post post, int count, IReadOnlyList<ReasonCount> reasons, IReadOnlyList<string> notes, DateTime? last, CancellationToken ct)
    {
        var (names, locations) = await NamesAsync([post], ct);
        return Show(post, count, reasons, notes, last, names, locations);
    }

    /// The posts of the queue by kind, three queries at most.
    private async Task<Dictionary<(PostKind, Guid), Post>> FindManyAsync(IReadOnlyList<(PostKind Kind, Guid Id)> keys, CancellationToken ct)
    {
        var questions = keys.Where(k => k.Kind == PostKind.Question).Select(k => k.Id).ToList();
        var answers = keys.Where(k => k.Kind == PostKind.Answer).Select(k => k.Id).ToList();
        var projects = keys.Where(k => k.Kind == PostKind.Project).Select(k => k.Id).ToList();
        var posts = new List<Post>();
        if (questions.Count > 0)
        {
            posts.AddRange(await db.CommunityQuestions.AsNoTracking().Where(q => questions.Contains(q.Id))
                .Select(QuestionPost)
                .ToListAsync(ct));
        }
        if (answers.Count > 0)
        {
            posts.AddRange(await (from a in db.CommunityAnswers.AsNoTracking().Where(a => answers.Contains(a.Id))
                                  join q in db.CommunityQuestions.AsNoTracking() on a.QuestionId equals q.Id
                                  select new Post(PostKind.Answer, a.Id, a.AuthorId, q.LocationId, q.Id, null, q.Title, a.Body, a.CreatedAt, a.HiddenAt, a.HiddenReason))
                .ToListAsync(ct));
        }
        if (projects.Count > 0)
        {
            posts.AddRange(await db.CommunityProjects.AsNoTracking().Where(p => projects.Contains(p.Id))
                .Select(ProjectPost)
                .ToListAsync(ct));
        }
        return posts.ToDictionary(p => (p.Kind, p.Id));
    }

    private async Task<(Dictionary<Guid, string> Names, Dictionary<Guid, string> Locations)> NamesAsync(IReadOnlyCollection<Post> posts, CancellationToken ct)
    {
        var authors = posts.Select(p => p.AuthorId).Distinct().ToList();
        var places = posts.Select(p => p.LocationId).Distinct().ToList();
        var names = await db.Members.AsNoTracking().Where(m => authors.Contains(m.Id))
            .Select(m => new { m.Id, Name = m.FirstName + " " + m.LastName }).ToDictionaryAsync(m => m.Id, m => m.Name, ct);
        var locations = await db.Locations.AsNoTracking().Where(l => places.Contains(l.Id))
            .Select(l => new { l.Id, l.Name }).ToDictionaryAsync(l => l.Id, l => l.Name, ct);
        return (names, locations);
    }

    private static ModeratedPost Show(Post post, int count, IReadOnlyList<ReasonCount> reasons, IReadOnlyList<string> notes, DateTime? last,
        Dictionary<Guid, string> names, Dictionary<Guid, string> locations)
    {
        var link = post.Kind == PostKind.Project ? $"/community/projects/{post.Id}"
            : post.Kind == PostKind.Answer ? $"/community/questions/{post.QuestionId}#answer-{post.Id}" : $"/community/questions/{post.Id}";
        return new ModeratedPost(post.Kind, post.Id, post.Title, post.Body, post.AuthorId, names.GetValueOrDefault(post.AuthorId, ""), post.LocationId,
            locations.GetValueOrDefault(post.LocationId, ""), post.PostedAt, post.HiddenAt, post.HiddenReason, count, reasons, notes, last, link);
    }
}
