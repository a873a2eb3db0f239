using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Community.Questions;

internal sealed record NotificationView(Guid Id, NotificationKind Kind, Guid QuestionId, string QuestionTitle, bool Emailed, DateTime CreatedAt, DateTime? ReadAt);

internal sealed record NotificationList(int Unread, IReadOnlyList<NotificationView> Items);

internal sealed record MutesView(IReadOnlyList<string> Topics);

/// GET /api/v1/me/notifications, /community/notifications: a member's in-app notifications (the latest 50) and the
/// topics they mute.
internal static class CommunityNotifications
{
    public const int Shown = 50;

    public static async Task<Result<NotificationList>> ListAsync(AccessScope scope, AppDb db, CancellationToken ct)
    {
        if (scope.MemberId is not { } memberId)
        {
            return new NotFound("Member");
        }
        var mine = db.CommunityNotifications.AsNoTracking().Where(n => n.MemberId == memberId);
        var unread = await mine.CountAsync(n => n.ReadAt == null, ct);
        var items = await (from n in mine
                           join q in db.CommunityQuestions.AsNoTracking() on n.QuestionId equals q.Id
                           orderby n.CreatedAt descending, n.Id descending
                           select new NotificationView(n.Id, n.Kind, n.QuestionId, q.Title, n.Emailed, n.CreatedAt, n.ReadAt))
            .Take(Shown).ToListAsync(ct);
        return new NotificationList(unread, items);
    }

    public static Task<int> UnreadAsync(Guid memberId, AppDb db, CancellationToken ct) =>
        db.CommunityNotifications.CountAsync(n => n.MemberId == memberId && n.ReadAt == null, ct);

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
