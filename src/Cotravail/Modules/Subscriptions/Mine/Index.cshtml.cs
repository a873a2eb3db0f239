using Cotravail.Common;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Common.Localization;
using Cotravail.Modules.Companies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Subscriptions.Mine;

/// /me/subscriptions: what a member holds (current first, then ended) with balances and pauses, and a cancel form
/// for their plans behind a confirmation (?confirm={id}); for a company's admin, the team's subscriptions too. Listed
/// through SubscriptionQueries with the person's member rights only, as /me/invoices does.
internal sealed class IndexModel(AppDb db, Access access, Lifecycle lifecycle, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public IReadOnlyList<SubscriptionResponse>? Own { get; private set; }

    public IReadOnlyList<SubscriptionResponse>? Company { get; private set; }

    public string CompanyName { get; private set; } = "";

    /// The subscription whose cancellation is being confirmed.
    public Guid? Confirm { get; private set; }

    public async Task OnGetAsync(Guid? confirm, CancellationToken ct)
    {
        Confirm = confirm;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, [Bind(Prefix = "Cancel")] CancelInput input, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var cancelled = await lifecycle.CancelAsync(id, input, await access.GetAsync(ct), ct);
            if (cancelled.IsOk)
            {
                TempData["Saved"] = l["The subscription ends on {0}.", cancelled.Value.EndsOn!.Value.ToString("d", System.Globalization.CultureInfo.CurrentCulture)].Value;
                return Redirect("/me/subscriptions");
            }
            switch (cancelled.Error)
            {
                case Common.Errors.NotFound:
                    return NotFound();
                case Forbidden:
                    return Forbid();
            }
            cancelled.Error.AddTo(ModelState, l, "Cancel");
        }
        Confirm = id;
        await LoadAsync(ct);
        return Page();
    }

    public string? Message(string key) => ModelState[key]?.Errors.FirstOrDefault()?.ErrorMessage;

    public string Value(string key, string? fallback) => ModelState[key]?.AttemptedValue ?? fallback ?? "";

    private async Task LoadAsync(CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        if (scope.MemberId is { } memberId)
        {
            Own = await ListAsync(AccessScope.Anonymous with { UserId = scope.UserId, MemberId = memberId }, null, ct);
        }
        if (scope.CompanyAdminOf is { } companyId)
        {
            Company = await ListAsync(AccessScope.Anonymous with { UserId = scope.UserId, CompanyAdminOf = companyId }, companyId, ct);
            CompanyName = await db.Companies.Where(c => c.Id == companyId).Select(c => c.LegalName).FirstAsync(ct);
        }
    }

    /// Current ones first (upcoming, active, paused), then the ended ones, each by latest start.
    private async Task<IReadOnlyList<SubscriptionResponse>> ListAsync(AccessScope mine, Guid? companyId, CancellationToken ct)
    {
        var page = await SubscriptionQueries.ListAsync(new(null, null, companyId, null, null, null, 1, PageRequest.MaxPageSize), db, mine, clock, ct);
        return [.. page.Items.OrderBy(s => s.State == SubscriptionState.Ended)];
    }
}
