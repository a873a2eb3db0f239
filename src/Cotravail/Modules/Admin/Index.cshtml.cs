using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Common.Localization;
using Cotravail.Common.Web;
using Cotravail.Modules.Bookings;
using Cotravail.Modules.Locations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Admin;

/// The back office's front page, the operator's dashboard: today's occupancy and arrivals, the requests waiting
/// for a decision (approved or declined here, whatever their date), occupancy ahead and the last weeks' trend,
/// for one location or all those the staff member works at (the network for admins).
[Authorize(Policy = Policies.Staff)]
internal sealed class IndexModel(AppDb db, Access access, Dashboard dashboard, DecideBooking decide, IStringLocalizer<SharedResource> l) : PageModel
{
    public IReadOnlyList<Choice> Locations { get; private set; } = [];

    public Guid? LocationId { get; private set; }

    public bool IsNetworkAdmin { get; private set; }

    public DashboardResponse Figures { get; private set; } = null!;

    public IReadOnlyList<PendingRequest> Inbox { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? locationId, CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        IsNetworkAdmin = scope.IsNetworkAdmin;
        Locations = [.. (await LocationChoices.ListAsync(db, scope, manageableOnly: false, ct)).Where(c => scope.CanSee(c.Id))];
        var locations = await dashboard.ScopeAsync(locationId, scope, ct);
        if (!locations.IsOk)
        {
            return NotFound();
        }
        LocationId = locationId;
        Figures = await dashboard.FiguresAsync(locationId, locations.Value, scope, ct);
        Inbox = await dashboard.InboxAsync(locations.Value, scope, ct);
        return Page();
    }

    /// Approve or decline a pending request through the same use case as the API (rules, notices and audit alike).
    public async Task<IActionResult> OnPostDecideAsync(Guid id, bool approve, Guid? locationId, CancellationToken ct)
    {
        var decided = await decide.HandleAsync(id, approve, await access.GetAsync(ct), ct);
        if (!decided.IsOk && decided.Error is Forbidden)
        {
            return Forbid();
        }
        TempData[decided.IsOk ? "Done" : "Problem"] = decided.IsOk
            ? (approve ? l["The request is approved."] : l["The request is declined."]).Value
            : decided.Error is NotFound ? l["{0} was not found.", l["Booking"]].Value : l[decided.Error.Message].Value;
        return Redirect(locationId is { } chosen ? $"/admin?locationId={chosen}#requests" : "/admin#requests");
    }
}
