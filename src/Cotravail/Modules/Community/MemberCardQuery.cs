using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Community;

/// GET /api/v1/community/members/{id} and /community/members/{id}: one member's card, as the viewer may see it;
/// 404 when the member is not in the directory for this viewer (as if they did not exist).
internal static class MemberCardQuery
{
    public static async Task<Result<CommunityCard>> HandleAsync(Guid id, AccessScope scope, AppDb db, IStringLocalizer l, CancellationToken ct)
    {
        var viewer = await CommunityViewer.LoadAsync(scope, db, ct);
        if (!viewer.CanBrowse || !await db.ListedFor(viewer).AnyAsync(x => x.Member.Id == id, ct))
        {
            return new NotFound("Member");
        }
        var cards = await CommunityCards.LoadAsync([id], viewer, db, l, full: true, ct);
        return cards.Count == 1 ? cards[0] : new NotFound("Member");
    }
}

/// GET /api/v1/community/suggestions: members who offer skills I seek ("complementary to me"), most matches first.
internal static class Complementary
{
    public const int Count = 6;

    public static async Task<Result<IReadOnlyList<CommunityCard>>> HandleAsync(AccessScope scope, AppDb db, IStringLocalizer l, CancellationToken ct)
    {
        var viewer = await CommunityViewer.LoadAsync(scope, db, ct);
        if (viewer.MemberId is not { } me)
        {
            return new NotFound("Member");
        }
        var seeking = await db.MemberSkills.AsNoTracking().Where(s => s.MemberId == me && s.Use == SkillUse.Seeks).Select(s => s.Skill).ToListAsync(ct);
        if (seeking.Count == 0)
        {
            return new List<CommunityCard>();
        }
        var visible = db.ListedFor(viewer).SkillsVisible(viewer).Where(x => x.Member.Id != me).Select(x => x.Member.Id);
        var ids = await db.MemberSkills.AsNoTracking()
            .Where(s => s.Use == SkillUse.Offers && seeking.Contains(s.Skill) && visible.Contains(s.MemberId))
            .GroupBy(s => s.MemberId)
            .Select(g => new { MemberId = g.Key, Matches = g.Count() })
            .OrderByDescending(g => g.Matches).ThenByDescending(g => g.MemberId)
            .Take(Count)
            .Select(g => g.MemberId)
            .ToListAsync(ct);
        return (await CommunityCards.LoadAsync(ids, viewer, db, l, full: false, ct)).ToList();
    }
}
