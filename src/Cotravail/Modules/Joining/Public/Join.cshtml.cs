using Cotravail.Common.Database;
using Cotravail.Common.Localization;
using Cotravail.Common.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Cotravail.Modules.Locations;

namespace Cotravail.Modules.Joining.Public;

/// A visitor asks to become a member of a location; its managers decide.
[AllowAnonymous]
internal sealed class JoinModel(AppDb db, RequestToJoin join, IStringLocalizer<SharedResource> l) : PageModel
{
    [FromRoute]
    public string Slug { get; set; } = "";

    [BindProperty]
    public JoinInput Input { get; set; } = new();

    public string LocationName { get; private set; } = "";

    public bool Sent { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await join.HandleAsync(Slug, Input, ct);
        if (!result.IsOk)
        {
            return this.Show(result.Error, l);
        }
        Sent = true;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        LocationName = await db.Locations.Where(x => x.Slug == Slug && x.IsActive).Select(x => x.Name).FirstOrDefaultAsync(ct) ?? "";
        return LocationName.Length > 0;
    }
}
