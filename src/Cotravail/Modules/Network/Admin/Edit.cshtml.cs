using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Localization;
using Cotravail.Common.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Network.Admin;

[Authorize(Policy = Policies.NetworkAdmin)]
internal sealed class EditModel(AppDb db, Access access, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public NetworkInput Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var network = await db.NetworkRow.AsNoTracking().SingleOrDefaultAsync(ct);
        Input = network is null ? new NetworkInput() : NetworkInput.From(network);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await UpdateNetwork.HandleAsync(Input, db, await access.GetAsync(ct), ct);
        if (!result.IsOk)
        {
            return this.Show(result.Error, l);
        }
        TempData["Saved"] = l["Network details saved."].Value;
        return Redirect("/admin/network");
    }
}
