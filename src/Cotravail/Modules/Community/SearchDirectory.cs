using System.Globalization;
using Cotravail.Common;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Modules.Members;
using Cotravail.Modules.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Community;

/// GET /api/v1/community/members and /community: the members' directory, as the viewer may see it.
/// A search text that names skills of the vocabulary (any language, synonym, accents or not) finds the members
/// offering one of them, or with that tag; any other text finds names and tags. Newest members first.
/// Two ways through the results: by page number (the pages, up to the counted 100), or by cursor for a program that
/// walks them all: `after` is the `next` of the previous answer, and every step costs what the first page costs
/// (an offset walks every match before it: page 40 cost 28–35 ms on 100,000 members, the cursor's 40th step 13–15 ms).
internal static class SearchDirectory
{
    internal sealed record Query(string? Q, Trade? Trade, Guid? LocationId, string? Language, bool? OpenToMissions, int? Page, int? PageSize, Guid? After = null);

    /// Counting stops here: a search that finds more asks to be narrowed, and no request counts 100,000 rows.
    /// The first CountCap + 1 ids are read in one query that gives both the count and the first pages (4 pages of 24
    /// and the start of a 5th). 100, not 200: a sparse search (a skill and "open to missions", 5 % of members) walks
    /// members newest first until it has counted that many, and at 200 it cost 17–25 ms p95 on 100,000 members.
    public const int CountCap = 100;

    /// TotalCount is at most CountCap; MoreThanTotal says that there are more. After a cursor, both count the
    /// results after it (Page is then 1). Next is the cursor of the following results; null on the last page.
    internal sealed record Response(
        IReadOnlyList<CommunityCard> Items,
        int Page,
        int PageSize,
        int TotalCount,
        bool MoreThanTotal,
        IReadOnlyList<SkillRef> MatchedSkills,
        int? OptedOut,
        Guid? Next = null);

    public static async Task<Result<Response>> HandleAsync(Query query, AccessScope scope, AppDb db, IStringLocalizer l, CancellationToken ct) =>
        await HandleAsync(query, await CommunityViewer.LoadAsync(scope, db, ct), db, l, ct);

    public static async Task<Result<Response>> HandleAsync(Query query, CommunityViewer viewer, AppDb db, IStringLocalizer l, CancellationToken ct)
    {
        if (!viewer.CanBrowse)
        {
            return new NotFound("Member");
        }
        if (query.Q is { Length: > 100 })
        {
            return new Invalid("q", "A search has at most 100 characters.");
        }
        if (query.Language is { } language && !ProfileInput.KnownLanguages.Contains(language))
        {
            return new Invalid("language", "Choose languages from the list.");
        }
        if (query.After is not null && query.Page is > 1)
        {
            return new Invalid("after", "Give a page or a cursor (after), not both.");
        }
        var culture = CultureInfo.CurrentUICulture;
        var matched = SkillVocabulary.Match(query.Q);
        var rows = Filter(query, matched, viewer, db).Select(x => x.Member.Id);
        if (query.After is { } after)
        {
            // Guid order is uuid order on PostgreSQL and the order of the upper-case text SQLite stores.
            rows = rows.Where(id => id.CompareTo(after) < 0);
        }
        var ids = rows.OrderByDescending(id => id);
        var request = query.After is null ? PageRequest.Of(query.Page, query.PageSize) : PageRequest.Of(1, query.PageSize);
        var first = await ids.Take(CountCap + 1).ToListAsync(ct);
        var total = first.Count;
        // one more than the page tells whether another follows
        List<Guid> window = total <= CountCap || request.Offset + request.PageSize < total
            ? [.. first.Skip(request.Offset).Take(request.PageSize + 1)]
            : await ids.Skip(request.Offset).Take(request.PageSize + 1).ToListAsync(ct);
        var page = window.Take(request.PageSize).ToList();
        var cards = await CommunityCards.LoadAsync(page, viewer, db, l, full: false, ct);
        return new Response(cards, request.Page, request.PageSize, Math.Min(total, CountCap), total > CountCap,
            [.. matched.Select(s => SkillRef.Of(s, culture))], await OptedOutAsync(viewer, db, ct),
            window.Count > request.PageSize ? page[^1] : null);
    }

    private static IQueryable<Listed> Filter(Query query, IReadOnlyList<Skill> matched, CommunityViewer viewer, AppDb db)
    {
        var rows = db.ListedFor(viewer);
        var memberSkills = db.MemberSkills;
        var memberTags = db.MemberTags;
        var profiles = db.MemberProfiles;
        var text = query.Q?.Trim() ?? "";
        var folded = SkillVocabulary.Fold(text);
        if (matched.Count > 0)
        {
            var slugs = matched.Select(s => s.Slug).ToList();
            rows = rows.SkillsVisible(viewer).Where(x =>
                memberSkills.Any(s => s.MemberId == x.Member.Id && s.Use == SkillUse.Offers && slugs.Contains(s.Skill))
                || memberTags.Any(t => t.MemberId == x.Member.Id && t.Key == folded));
        }
        else if (folded.Length > 0)
        {
            var term = text.ToLower(CultureInfo.InvariantCulture);
            var tagged = db.ListedFor(viewer).SkillsVisible(viewer)
                .Where(x => memberTags.Any(t => t.MemberId == x.Member.Id && t.Key == folded)).Select(x => x.Member.Id);
            rows = rows.Where(x => x.Member.FirstName.ToLower().StartsWith(term) || x.Member.LastName.ToLower().StartsWith(term)
                || (x.Member.FirstName + " " + x.Member.LastName).ToLower().StartsWith(term) || tagged.Contains(x.Member.Id));
        }
        if (query.Trade is { } trade)
        {
            var slugs = SkillVocabulary.All.Where(s => s.Trade == trade).Select(s => s.Slug).ToList();
            rows = rows.SkillsVisible(viewer).Where(x => memberSkills.Any(s => s.MemberId == x.Member.Id && s.Use == SkillUse.Offers && slugs.Contains(s.Skill)));
        }
        if (query.LocationId is { } locationId)
        {
            rows = rows.Where(x => x.Member.HomeLocationId == locationId);
        }
        if (query.Language is { Length: > 0 } language)
        {
            rows = rows.PresentationVisible(viewer).Where(x => profiles.Any(p => p.MemberId == x.Member.Id && p.Languages.Contains(language)));
        }
        if (query.OpenToMissions == true)
        {
            rows = rows.SkillsVisible(viewer).Where(x => profiles.Any(p => p.MemberId == x.Member.Id && p.OpenToMissions));
        }
        return rows;
    }

    /// For staff only: how many active members of their locations are not in the directory (a count, never who).
    private static async Task<int?> OptedOutAsync(CommunityViewer viewer, AppDb db, CancellationToken ct)
    {
        if (!viewer.IsStaff)
        {
            return null;
        }
        var staffAt = viewer.Scope.StaffLocations.ToList();
        var all = viewer.Scope.IsNetworkAdmin;
        var privacy = db.MemberPrivacy;
        return await db.Members.AsNoTracking()
            .Where(m => m.IsActive && (all || staffAt.Contains(m.HomeLocationId)))
            .Where(m => !privacy.Any(p => p.MemberId == m.Id && p.Listing != Audience.Nobody))
            .CountAsync(ct);
    }
}
