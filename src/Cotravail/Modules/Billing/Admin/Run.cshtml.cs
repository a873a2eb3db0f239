using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Billing.Admin;

/// /admin/billing/runs/{id}: one run's progress (GET /api/v1/billing/runs/{id}), followed without reloading by
/// run-progress.js while it works, and its actions through the API's use cases: resume a stopped run
/// (ResumeBillingRun), issue the reviewed drafts after confirming (IssueBillingRun).
[Authorize(Policy = Policies.NetworkAdmin)]
internal sealed class RunModel(AppDb db, Access access, ResumeBillingRun resume, IssueBillingRun issue, IStringLocalizer<SharedResource> l) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public BillingRun Run { get; private set; } = null!;

    /// The run's drafts still waiting to be issued.
    public int DraftsLeft { get; private set; }

    /// True when the page asks before issuing (?confirm=issue).
    public bool Confirm { get; private set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? confirm, CancellationToken ct)
    {
        Confirm = confirm == "issue";
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostResumeAsync(CancellationToken ct)
    {
        var resumed = await resume.HandleAsync(Id, ct);
        if (!resumed.IsOk)
        {
            return NotFound();
        }
        TempData["Saved"] = l["The run continues where it stopped."].Value;
        return Redirect($"/admin/billing/runs/{Id}");
    }

    public async Task<IActionResult> OnPostIssueAsync(CancellationToken ct)
    {
        var issued = await issue.HandleAsync(Id, await access.GetAsync(ct), ct);
        if (issued.IsOk)
        {
            TempData["Saved"] = l["The drafts are being issued and emailed, one after the other."].Value;
            return Redirect($"/admin/billing/runs/{Id}");
        }
        if (issued.Error is Common.Errors.NotFound)
        {
            return NotFound();
        }
        Problem = l[issued.Error.Message];
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await db.BillingRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == Id, ct) is not { } run)
        {
            return false;
        }
        Run = run;
        var prefix = run.KeyPrefix;
        DraftsLeft = await db.Invoices.CountAsync(i => i.Status == InvoiceStatus.Draft && i.SourceKey != null && i.SourceKey.StartsWith(prefix), ct);
        return true;
    }
}
