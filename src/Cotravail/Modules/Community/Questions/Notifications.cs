using Cotravail.Common;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Common.Web;
using Cotravail.Modules.Community.Projects;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Community.Questions;

/// QuestionTitle: the question's, or for ProjectHidden the project's; Detail: the reason staff gave when they hid my post.
internal sealed record NotificationView(Guid Id, NotificationKind Kind, Guid? QuestionId, string QuestionTitle, bool Emailed, DateTime CreatedAt, DateTime? ReadAt,
    Guid? ProjectId = null, string? Detail = null);

/// Unread and TotalCount count all my notifications; Items is the page asked for, newest first.
internal sealed record NotificationList(int Unread, IReadOnlyList<NotificationView> Items, int Page = 1, int PageSize = CommunityNotifications.Shown, int TotalCount = 0);

internal sealed record MutesView(IReadOnlyList<string> Topics);

/// GET /api/v1/me/notifications, /community/notifications: a member's in-app notifications, newest first, by pages
/// of 50 (the API chooses up to 100), and the topics they mute.
internal static class CommunityNotifications
{
    public const int Shown = 50;

    public static async Task<Result<NotificationList>> ListAsync(AccessScope scope, AppDb db, CancellationToken ct, int? page = null, int? pageSize = null)
    {
        if (scope.MemberId is not { } memberId)
        {
            return new NotFound("Member");
        }
        var request = PageRequest.Of(page, pageSize ?? Shown);
        var mine = Listed(memberId, db);
        var counts = await mine.GroupBy(_ => 1)
            .Select(g => new { All = g.Count(), Unread = g.Count(x => x.Notification.ReadAt == null) })
            .SingleOrDefaultAsync(ct);
        var items = await mine.OrderByDescending(x => x.Notification.CreatedAt).ThenByDescending(x => x.Notification.Id)
            .Skip(request.Offset).Take(request.PageSize)
            .Select(x => new NotificationView(x.Notification.Id, x.Notification.Kind, x.Notification.QuestionId, x.Title, x.Notification.Emailed,
                x.Notification.CreatedAt, x.Notification.ReadAt, x.Notification.ProjectId, x.Notification.Detail))
            .ToListAsync(ct);
        return new NotificationList(counts?.Unread ?? 0, items, request.Page, request.PageSize, counts?.All ?? 0);
    }

    public static Task<int> UnreadAsync(Guid memberId, AppDb db, CancellationToken ct) =>
        Listed(memberId, db).CountAsync(x => x.Notification.ReadAt == null, ct);

    private sealed class ListedNotification
    {
        public required CommunityNotification Notification { get; init; }

        public required string Title { get; init; }
    }

    /// A member's notifications with the title of what they are about; one about a question staff hid since
    /// (ADR 30) no longer shows, unless the question is the member's own.
    private static IQueryable<ListedNotification> Listed(Guid memberId, AppDb db) =>
        from n in db.CommunityNotifications.AsNoTracking().Where(n => n.MemberId == memberId)
        join q in db.CommunityQuestions.AsNoTracking() on n.QuestionId equals (Guid?)q.Id into questions
        from q in questions.DefaultIfEmpty()
        join p in db.CommunityProjects.AsNoTracking() on n.ProjectId equals (Guid?)p.Id into projects
        from p in projects.DefaultIfEmpty()
        where q == null || q.HiddenAt == null || q.AuthorId == memberId
        select new ListedNotification { Notification = n, Title = q != null ? q.Title : p != null ? p.Title : "" };

    public static async Task<Result<NotificationList>> MarkReadAsync(ReadInput input, AccessScope scope, AppDb db, TimeProvider clock, CancellationToken ct)
    {
        if (scope.MemberId is not { } memberId)
        {
            return new NotFound("Member");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var unread = db.CommunityNotifications.Where(n => n.MemberId == memberId && n.ReadAt == null);
        if (input.Ids is { Count: > 0 } ids)
        {
            unread = unread.Where(n => ids.Contains(n.Id));
        }
        await unread.ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        return await ListAsync(scope, db, ct);
    }

    public static async Task<Result<MutesView>> MutesAsync(AccessScope scope, AppDb db, CancellationToken ct)
    {
        if (scope.MemberId is not { } memberId)
        {
            return new NotFound("Member");
        }
        var topics = await db.CommunityMutes.AsNoTracking().Where(m => m.MemberId == memberId).Select(m => m.Topic).ToListAsync(ct);
        return new MutesView([.. topics.Order(StringComparer.Ordinal)]);
    }

    public static async Task<Result<MutesView>> SaveMutesAsync(MutesInput input, AccessScope scope, AppDb db, CancellationToken ct)
    {
        if (scope.MemberId is not { } memberId)
        {
            return new NotFound("Member");
        }
        using (await SqliteWriteGate.EnterAsync(db, ct))
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await db.CommunityMutes.Where(m => m.MemberId == memberId).ExecuteDeleteAsync(ct);
            db.CommunityMutes.AddRange(input.Topics.Distinct(StringComparer.Ordinal).Select(t => new CommunityMute(memberId, t)));
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        return await MutesAsync(scope, db, ct);
    }
}

/// The member's unread community notifications beside "Community" in the main menu (one count query a page).
internal sealed class UnreadNotificationsBadge(AppDb db) : IMenuBadge
{
    public string Href => "/community";

    public async Task<int> CountAsync(AccessScope access, CancellationToken ct) =>
        access.MemberId is { } memberId ? await CommunityNotifications.UnreadAsync(memberId, db, ct) : 0;
}
