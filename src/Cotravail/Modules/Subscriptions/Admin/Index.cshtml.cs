using Cotravail.Common;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Common.Localization;
using Cotravail.Common.Web;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Offers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Subscriptions.Admin;

/// /admin/subscriptions: the subscriptions of one's locations, latest start first, filtered by location, state, kind and
/// member name — the query of GET /api/v1/subscriptions; managers subscribe a member of their locations here (Subscribe,
/// the handler of POST /api/v1/subscriptions), the form keeping what was typed and showing problems by field.
[Authorize(Policy = Policies.Staff)]
internal sealed class IndexModel(AppDb db, Access access, Subscribe subscribe, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public SubscriptionQueries.Query Query { get; private set; } = new(null, null, null, null, null, null, null, null);

    public Page<SubscriptionResponse> Results { get; private set; } = new([], 1, 25, 0);

    public IReadOnlyList<Choice> Locations { get; private set; } = [];

    public IReadOnlyList<Choice> Members { get; private set; } = [];

    public IReadOnlyList<Choice> Offers { get; private set; } = [];

    public bool CanManage { get; private set; }

    /// The new-subscription form came back with a problem: it is shown open.
    public bool Posted { get; private set; }

    public async Task OnGetAsync([FromQuery] Guid? locationId, [FromQuery] SubscriptionState? state, [FromQuery] OfferKind? kind, [FromQuery] string? q,
        [FromQuery(Name = "page")] int? pageNumber, CancellationToken ct)
    {
        Query = new(locationId, null, null, state, kind, q, pageNumber, null);
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync([Bind(Prefix = "Input")] SubscribeInput input, CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        if (!scope.IsManager)
        {
            return Forbid();
        }
        if (input.MemberId is null)
        {
            ModelState.AddModelError("Input.MemberId", l["Choose a member."]);
        }
        if (ModelState.IsValid)
        {
            var created = await subscribe.HandleAsync(input, scope, ct);
            if (created.IsOk)
            {
                TempData["Saved"] = l["The subscription is recorded: it is billed by the billing run of each month it covers."].Value;
                return Redirect($"/admin/subscriptions/{created.Value.Id}");
            }
            if (created.Error is Forbidden)
            {
                ModelState.AddModelError("Input.MemberId", l[SubscriptionMessages.NotYourMember]);
            }
            else
            {
                created.Error.AddTo(ModelState, l, "Input");
            }
        }
        Posted = true;
        await LoadAsync(ct);
        return Page();
    }

    public string? Message(string key) => ModelState[key]?.Errors.FirstOrDefault()?.ErrorMessage;

    public string Value(string key, string? fallback) => ModelState[key]?.AttemptedValue ?? fallback ?? "";

    private async Task LoadAsync(CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        CanManage = scope.IsManager;
        Locations = await LocationChoices.ListAsync(db, scope, manageableOnly: false, ct);
        Results = await SubscriptionQueries.ListAsync(Query, db, scope, clock, ct);
        if (CanManage)
        {
            Members = await SubscriptionChoices.MembersAsync(db, scope, ct);
            Offers = await SubscriptionChoices.OffersAsync(db, scope, plansOnly: false, null, ct);
        }
    }
}
