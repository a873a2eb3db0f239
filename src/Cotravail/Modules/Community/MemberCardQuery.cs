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

/// GET /api/v1/community/suggestions: members who offer skills I seek ("complementary to me"), most matches first,
/// then the newest. Candidates are the newest members offering each sought skill (PerSkill of each, read from the
/// index on skills), so the cost stays the same with 100,000 members; their choices are then checked in one query.
internal static class Complementary
{
    public const int Count = 6;
    public const int PerSkill = 120;

    public static async Task<Result<IReadOnlyList<CommunityCard>>> HandleAsync(AccessScope scope, AppDb db, IStringLocalizer l, CancellationToken ct) =>
        await HandleAsync(await CommunityViewer.LoadAsync(scope, db, ct), db, l, ct);

    public static async Task<Result<IReadOnlyList<CommunityCard>>> HandleAsync(CommunityViewer viewer, AppDb db, IStringLocalizer l, CancellationToken ct)
    {
        if (viewer.MemberId is not { } me)
        {
            return new NotFound("Member");
        }
        var seeking = await db.MemberSkills.AsNoTracking().Where(s => s.MemberId == me && s.Use == SkillUse.Seeks).Select(s => s.Skill).ToListAsync(ct);
        var matches = new Dictionary<Guid, int>();
        foreach (var skill in seeking)
        {
            var offering = await db.MemberSkills.AsNoTracking()
                .Where(s => s.Skill == skill && s.Use == SkillUse.Offers && s.MemberId != me)
                .OrderByDescending(s => s.MemberId).Take(PerSkill).Select(s => s.MemberId).ToListAsync(ct);
            foreach (var id in offering)
            {
                matches[id] = matches.GetValueOrDefault(id) + 1;
            }
        }
        if (matches.Count == 0)
        {
            return new List<CommunityCard>();
        }
        var candidates = matches.Keys.ToList();
        var visible = await db.ListedFor(viewer).SkillsVisible(viewer).Where(x => candidates.Contains(x.Member.Id)).Select(x => x.Member.Id).ToListAsync(ct);
        var ids = visible.OrderByDescending(id => matches[id]).ThenByDescending(id => id).Take(Count).ToList();
        return (await CommunityCards.LoadAsync(ids, viewer, db, l, full: false, ct)).ToList();
    }
}
