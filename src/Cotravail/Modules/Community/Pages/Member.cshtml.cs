using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Localization;
using Cotravail.Common.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Community.Pages;

/// /community/members/{id}: one member's card, as GET /api/v1/community/members/{id}.
internal sealed class MemberModel(AppDb db, Access access, IStringLocalizer<SharedResource> l) : PageModel
{
    public CommunityCard Card { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var result = await MemberCardQuery.HandleAsync(id, await access.GetAsync(ct), db, l, ct);
        if (!result.IsOk)
        {
            return this.Show(result.Error, l);
        }
        Card = result.Value;
        return Page();
    }
}
