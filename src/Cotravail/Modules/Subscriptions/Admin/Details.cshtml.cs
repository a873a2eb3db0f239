using System.Globalization;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Common.Localization;
using Cotravail.Common.Web;
using Cotravail.Modules.Offers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Subscriptions.Admin;

/// /admin/subscriptions/{id}: one subscription as GET /api/v1/subscriptions/{id} gives it, with its balances and pauses,
/// and its managers' actions through Lifecycle: cancel on a day (asked again first, ?confirm=cancel), pause a monthly
/// plan, change a plan for another from a day. Hosts read. Each form shows its own problems and keeps what was typed.
[Authorize(Policy = Policies.Staff)]
internal sealed class DetailsModel(AppDb db, Access access, Lifecycle lifecycle, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public SubscriptionResponse Subscription { get; private set; } = null!;

    public bool CanManage { get; private set; }

    /// "cancel": the step that asks before ending it.
    public string? Confirm { get; private set; }

    /// The form that was posted and came back with a problem ("cancel", "pause" or "change").
    public string? Posted { get; private set; }

    public IReadOnlyList<Choice> Plans { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? confirm, CancellationToken ct)
    {
        Confirm = confirm == "cancel" ? confirm : null;
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostCancelAsync([Bind(Prefix = "Cancel")] CancelInput input, CancellationToken ct) =>
        ActAsync("cancel", scope => lifecycle.CancelAsync(Id, input, scope, ct), s => l["The subscription ends on {0}.", Day(s.EndsOn)].Value, ct);

    public Task<IActionResult> OnPostPauseAsync([Bind(Prefix = "Pause")] PauseInput input, CancellationToken ct) =>
        ActAsync("pause", scope => lifecycle.PauseAsync(Id, input, scope, ct), _ => l["The pause is recorded."].Value, ct);

    public Task<IActionResult> OnPostChangeAsync([Bind(Prefix = "Change")] ChangePlanInput input, CancellationToken ct) =>
        ActAsync("change", scope => lifecycle.ChangeAsync(Id, input, scope, ct), s => l["The plan is changed from {0}.", Day(s.StartsOn)].Value, ct);

    public string? Message(string key) => ModelState[key]?.Errors.FirstOrDefault()?.ErrorMessage;

    public string Value(string key, string? fallback) => ModelState[key]?.AttemptedValue ?? fallback ?? "";

    private static string Day(DateOnly? day) => day?.ToString("d", CultureInfo.CurrentCulture) ?? "";

    /// Runs one of the managers' actions; on success back to the subscription it leads to (a change: the new plan).
    private async Task<IActionResult> ActAsync(string form, Func<AccessScope, Task<Result<Subscription>>> act, Func<Subscription, string> saved, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var done = await act(await access.GetAsync(ct));
            if (done.IsOk)
            {
                TempData["Saved"] = saved(done.Value);
                return Redirect($"/admin/subscriptions/{done.Value.Id}");
            }
            switch (done.Error)
            {
                case Common.Errors.NotFound:
                    return NotFound();
                case Forbidden:
                    return Forbid();
            }
            done.Error.AddTo(ModelState, l, char.ToUpperInvariant(form[0]) + form[1..]);
        }
        Posted = form;
        Confirm = form == "cancel" ? form : null;
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        var found = await SubscriptionQueries.GetAsync(Id, db, scope, clock, ct);
        if (!found.IsOk || !scope.CanSee(found.Value.LocationId))
        {
            return false;
        }
        Subscription = found.Value;
        CanManage = scope.CanManage(Subscription.LocationId);
        if (CanManage && Subscription.Kind is OfferKind.MonthlyPlan or OfferKind.AnnualPlan)
        {
            Plans = [.. (await SubscriptionChoices.OffersAsync(db, scope, plansOnly: true, Subscription.LocationId, ct)).Where(c => c.Id != Subscription.OfferId)];
        }
        return true;
    }
}
