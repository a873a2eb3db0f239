using Cotravail.Common.Audit;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Billing.Admin;

/// /admin/billing/terms: the seller's invoicing terms, bound to TermsInput and saved by ChangeTerms as GET/PUT
/// /api/v1/billing/terms: managers read them, the network's admins change them.
[Authorize(Policy = Policies.Manager)]
internal sealed class TermsModel(AppDb db, Access access, AuditTrail audit, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public TermsInput Input { get; set; } = new();

    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanEdit = (await access.GetAsync(ct)).IsNetworkAdmin;
        Input = await ChangeTerms.ReadAsync(db, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        CanEdit = (await access.GetAsync(ct)).IsNetworkAdmin;
        if (!CanEdit)
        {
            return Forbid();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await ChangeTerms.HandleAsync(Input, db, audit, ct);
        TempData["Saved"] = l["The invoicing terms are saved: the next invoices print them."].Value;
        return Redirect("/admin/billing/terms");
    }

    public string? Message(string key) => ModelState[key]?.Errors.FirstOrDefault()?.ErrorMessage;
}
