using Cotravail.Common;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Common.Localization;
using Cotravail.Common.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Cotravail.Modules.Locations;

namespace Cotravail.Modules.Joining.Admin;

/// Requests to join the locations one manages: approve or decline (same handlers as the API).
[Authorize(Policy = Policies.Manager)]
internal sealed class RequestsModel(AppDb db, Access access, DecideJoinRequest decide, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? LocationId { get; set; }

    [BindProperty(SupportsGet = true)]
    public JoinRequestStatus? Status { get; set; } = JoinRequestStatus.Pending;

    [FromQuery(Name = "page")] // not BindProperty: "page" is also the route value naming the Razor page
    public int? PageNumber { get; set; }

    public Page<JoinRequestResponse> Results { get; private set; } = new([], 1, 25, 0);

    public IReadOnlyList<Choice> Locations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        Locations = await LocationChoices.ListAsync(db, scope, manageableOnly: true, ct);
        Results = await ListJoinRequests.HandleAsync(new ListJoinRequests.Query(LocationId, Status, PageNumber, 25), db, scope, ct);
    }

    public async Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken ct)
    {
        var result = await decide.ApproveAsync(id, await access.GetAsync(ct), ct);
        return Done(result, r => l["{0} {1} is now a member.", r.FirstName, r.LastName]);
    }

    public async Task<IActionResult> OnPostDeclineAsync(Guid id, string? reason, CancellationToken ct)
    {
        var result = await decide.DeclineAsync(id, new DeclineInput { Reason = reason }, await access.GetAsync(ct), ct);
        return Done(result, r => l["The request of {0} {1} is declined.", r.FirstName, r.LastName]);
    }

    private IActionResult Done(Result<JoinRequestResponse> result, Func<JoinRequestResponse, LocalizedString> message)
    {
        if (!result.IsOk)
        {
            if (result.Error is NotFound)
            {
                return NotFound();
            }
            TempData["Saved"] = l[result.Error.Message].Value;
        }
        else
        {
            TempData["Saved"] = message(result.Value).Value;
        }
        return Redirect("/admin/join-requests");
    }
}
