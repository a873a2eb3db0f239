using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Web;
using Cotravail.Modules.Community.Health;
using Cotravail.Modules.Locations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cotravail.Modules.Admin;

/// The community's health for operators (ADR 29): the week's new connections, the last 12 weeks by kind, questions
/// and the time to a first answer, members active or who met nobody; counts only, for one location or all those the
/// staff member works at (the network for admins), through the API's query.
[Authorize(Policy = Policies.Staff)]
internal sealed class CommunityModel(AppDb db, Access access, CommunityHealth health) : PageModel
{
    public IReadOnlyList<Choice> Locations { get; private set; } = [];

    public Guid? LocationId { get; private set; }

    public bool IsNetworkAdmin { get; private set; }

    public CommunityHealthResponse Figures { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid? locationId, CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        IsNetworkAdmin = scope.IsNetworkAdmin;
        Locations = await LocationChoices.ListAsync(db, scope, manageableOnly: false, ct);
        var figures = await health.HandleAsync(locationId, null, scope, ct);
        if (!figures.IsOk)
        {
            return NotFound();
        }
        LocationId = locationId;
        Figures = figures.Value;
        return Page();
    }
}
