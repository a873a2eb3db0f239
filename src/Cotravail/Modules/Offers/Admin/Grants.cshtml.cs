using Cotravail.Common;
using Cotravail.Common.Audit;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Common.Localization;
using Cotravail.Common.Web;
using Cotravail.Modules.Members;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Offers.Admin;

/// /admin/offers/grants: reduced rates granted to the members of one's locations, the form to grant one after
/// checking a proof, and the button to revoke one: the same handlers as /api/v1/members/{id}/reduced-rates.
[Authorize(Policy = Policies.Manager)]
internal sealed class GrantsModel(AppDb db, Access access, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public Guid? MemberId { get; set; }

    [BindProperty]
    public ReducedRates.Request Input { get; set; } = new();

    public bool CurrentOnly { get; private set; } = true;

    public Page<GrantRow> Results { get; private set; } = new([], 1, 25, 0);

    public IReadOnlyList<Choice> Members { get; private set; } = [];

    public async Task OnGetAsync([FromQuery] bool? current, [FromQuery(Name = "page")] int? pageNumber, CancellationToken ct)
    {
        CurrentOnly = current ?? true;
        await LoadAsync(pageNumber, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (MemberId is null)
        {
            ModelState.AddModelError(nameof(MemberId), l[Messages.Required, l["Member"]]);
        }
        if (ModelState.IsValid)
        {
            var result = await ReducedRates.GrantAsync(MemberId!.Value, Input, db, await access.GetAsync(ct), audit, clock, ct);
            if (result.IsOk)
            {
                TempData["Saved"] = l["Reduced rate granted until {0}.", result.Value.ValidUntil.ToString("d", System.Globalization.CultureInfo.CurrentCulture)].Value;
                return Redirect("/admin/offers/grants");
            }
            if (result.Error is Common.Errors.NotFound or Forbidden)
            {
                ModelState.AddModelError(nameof(MemberId), l[OfferMessages.NotYourMember]);
            }
            else
            {
                result.Error.AddTo(ModelState, l);
            }
        }
        await LoadAsync(null, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid memberId, Guid grantId, CancellationToken ct)
    {
        var result = await ReducedRates.RevokeAsync(memberId, grantId, db, await access.GetAsync(ct), audit, clock, ct);
        TempData[result.IsOk ? "Saved" : "Problem"] = result.IsOk ? l["The reduced rate is revoked."].Value : l[result.Error.Message].Value;
        return Redirect("/admin/offers/grants");
    }

    private async Task LoadAsync(int? pageNumber, CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        Results = await GrantList.ListAsync(db, scope, CurrentOnly, pageNumber, clock, ct);
        var managed = scope.ManagedLocations.ToList();
        Members = await db.Members.VisibleTo(scope).AsNoTracking()
            .Where(m => m.IsActive && (scope.IsNetworkAdmin || managed.Contains(m.HomeLocationId)))
            .OrderBy(m => m.LastName).ThenBy(m => m.FirstName).Take(1000)
            .Select(m => new Choice(m.Id, m.LastName + " " + m.FirstName + " <" + m.Email + ">")).ToListAsync(ct);
    }
}
