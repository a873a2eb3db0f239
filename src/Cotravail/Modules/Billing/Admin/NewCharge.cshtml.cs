using Cotravail.Common.Auth;
using Cotravail.Common.Audit;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Common.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Billing.Admin;

/// /admin/charges/new: a one-off charge typed at the desk (a product sold, a locker key) for a member or a company,
/// saved by AddCharge as POST /api/v1/charges; the billing run of its date's month bills it. A location's managers.
[Authorize(Policy = Policies.Manager)]
internal sealed class NewChargeModel(AppDb db, Access access, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public AddCharge.Request Input { get; set; } = new();

    public DraftChoices Choices { get; private set; } = DraftChoices.None;

    public async Task OnGetAsync(Guid? locationId, CancellationToken ct)
    {
        Input = new AddCharge.Request { LocationId = locationId };
        await LoadAsync(ct);
        if (Input.LocationId is null && Choices.Locations.Count == 1)
        {
            Input = Input with { LocationId = Choices.Locations[0].Id };
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var added = await AddCharge.HandleAsync(Input, db, await access.GetAsync(ct), audit, clock, ct);
            if (added.IsOk)
            {
                var charge = added.Value;
                TempData["Saved"] = l["The charge is added: the billing run of {0} will bill it.", RunText.Month(charge.SourcePeriod)].Value;
                return Redirect($"/admin/charges?locationId={charge.LocationId}&period={charge.SourcePeriod}&pending=true");
            }
            if (added.Error is Forbidden)
            {
                return Forbid();
            }
            added.Error.AddTo(ModelState, l);
        }
        await LoadAsync(ct);
        return Page();
    }

    public string? Message(string key) => ModelState[key]?.Errors.FirstOrDefault()?.ErrorMessage;

    private async Task LoadAsync(CancellationToken ct) => Choices = await DraftChoices.LoadAsync(db, await access.GetAsync(ct), new DraftInput(), ct);
}
