using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Localization;
using Cotravail.Common.Web;
using Cotravail.Modules.Locations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Community.Pages;

/// /community: the members' directory, through the same handler as GET /api/v1/community/members.
internal sealed class IndexModel(AppDb db, Access access, IStringLocalizer<SharedResource> l) : PageModel
{
    [FromQuery]
    public string? Q { get; set; }

    [FromQuery]
    public Trade? Trade { get; set; }

    [FromQuery]
    public Guid? LocationId { get; set; }

    [FromQuery]
    public string? Language { get; set; }

    [FromQuery]
    public bool? OpenToMissions { get; set; }

    [FromQuery(Name = "page")]
    public int? PageNumber { get; set; }

    public SearchDirectory.Response? Results { get; private set; }

    public IReadOnlyList<CommunityCard> Suggestions { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> Locations { get; private set; } = [];

    public bool HasProfile { get; private set; }

    public PagerView Pager => new(Results!.Page, Math.Max(1, (Results.TotalCount + Results.PageSize - 1) / Results.PageSize), Results.TotalCount);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        var viewer = await CommunityViewer.LoadAsync(scope, db, ct); // read once for the search and the suggestions
        var language = Language is { Length: > 0 } ? Language : null;
        var result = await SearchDirectory.HandleAsync(new SearchDirectory.Query(Q, Trade, LocationId, language, OpenToMissions, PageNumber, 24), viewer, db, l, ct);
        if (!result.IsOk)
        {
            return this.Show(result.Error, l);
        }
        Results = result.Value;
        Locations = [.. (await db.Locations.AsNoTracking().Where(x => x.IsActive).OrderBy(x => x.Name).Select(x => new { x.Id, x.Name }).ToListAsync(ct))
            .Select(x => (x.Id, x.Name))];
        if (scope.MemberId is { } me)
        {
            HasProfile = await db.MemberProfiles.AnyAsync(p => p.MemberId == me, ct);
            if (string.IsNullOrWhiteSpace(Q) && Trade is null && PageNumber is null or 1)
            {
                Suggestions = (await Complementary.HandleAsync(viewer, db, l, ct)).Value ?? [];
            }
        }
        return Page();
    }
}
