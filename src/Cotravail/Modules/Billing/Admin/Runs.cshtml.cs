using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Common.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Billing.Admin;

/// /admin/billing/runs: the latest billing runs with their progress (as GET /api/v1/billing/runs) and the form that
/// starts one for a month, by StartBillingRun (POST /api/v1/billing/runs). The network's admins only, as the API.
[Authorize(Policy = Policies.NetworkAdmin)]
internal sealed class RunsModel(AppDb db, Access access, StartBillingRun start, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public StartBillingRun.Request Input { get; set; } = new();

    public IReadOnlyList<BillingRun> Runs { get; private set; } = [];

    /// The month before this one, offered when the form opens.
    public string Suggested => StartBillingRun.PreviousMonth(clock);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input = new StartBillingRun.Request { Period = Suggested };
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var started = await start.HandleAsync(Input, await access.GetAsync(ct), ct);
            if (started.IsOk)
            {
                TempData["Saved"] = l["The billing run of {0} is started: its charges are collected and drafted in the background.", started.Value.Period].Value;
                return Redirect($"/admin/billing/runs/{started.Value.Id}");
            }
            started.Error.AddTo(ModelState, l);
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Runs = await db.BillingRuns.AsNoTracking().OrderByDescending(r => r.StartedAt).Take(100).ToListAsync(ct);
}
