using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Localization;
using Cotravail.Common.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Community.Projects.Pages;

/// /community/projects: the open projects I may see, those seeking my skills first (GET /api/v1/community/projects).
internal sealed class IndexModel(AppDb db, Access access, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [FromQuery]
    public Trade? Trade { get; set; }

    [FromQuery]
    public string? Skill { get; set; }

    [FromQuery(Name = "page")]
    public int? PageNumber { get; set; }

    public ProjectBoard.ListResponse? Results { get; private set; }

    public PagerView Pager => new(Results!.Page, Math.Max(1, (Results.TotalCount + Results.PageSize - 1) / Results.PageSize), Results.TotalCount);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var viewer = await CommunityViewer.LoadAsync(await access.GetAsync(ct), db, ct);
        var skill = Skill is { Length: > 0 } ? Skill : null;
        var result = await ProjectBoard.ListAsync(new ProjectBoard.ListQuery(Trade, skill, PageNumber, 20), viewer, db, clock, ct);
        if (!result.IsOk)
        {
            return this.Show(result.Error, l);
        }
        Results = result.Value;
        return Page();
    }
}
