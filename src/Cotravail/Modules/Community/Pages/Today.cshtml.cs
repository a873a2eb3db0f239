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

/// /community/today: who is in today, as GET /api/v1/community/today; ?screen=true is the entrance screen (large
/// type, no menu, refreshed every minute).
internal sealed class TodayModel(AppDb db, Access access, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    [FromQuery]
    public Guid? LocationId { get; set; }

    [FromQuery]
    public bool Screen { get; set; }

    public WhoIsIn.Response Today { get; private set; } = null!;

    public IReadOnlyList<(Guid Id, string Name)> Locations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var viewer = await CommunityViewer.LoadAsync(await access.GetAsync(ct), db, ct); // read once for the list and the locations
        var result = await WhoIsIn.HandleAsync(LocationId, viewer, db, l, clock, ct);
        if (!result.IsOk)
        {
            return this.Show(result.Error, l);
        }
        Today = result.Value;
        var here = viewer.Here.ToList();
        var all = viewer.AllHere;
        Locations = [.. (await db.Locations.AsNoTracking().Where(x => x.IsActive && (all || here.Contains(x.Id))).OrderBy(x => x.Name)
            .Select(x => new { x.Id, x.Name }).ToListAsync(ct)).Select(x => (x.Id, x.Name))];
        return Page();
    }
}
