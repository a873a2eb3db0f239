using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Common.Localization;
using Cotravail.Common.Web;
using Cotravail.Modules.Community.Health;
using Cotravail.Modules.Locations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Admin;

/// The community's health for operators (ADR 29): the week's new connections, the last 12 weeks by kind (4, 8 or 26 on request), questions
/// and the time to a first answer, members active or who met nobody; counts only, for one location or all those the
/// staff member works at (the network for admins), through the API's query.
[Authorize(Policy = Policies.Staff)]
internal sealed class CommunityModel(AppDb db, Access access, CommunityHealth health, IStringLocalizer<SharedResource> l) : PageModel
{
    public IReadOnlyList<Choice> Locations { get; private set; } = [];

    public Guid? LocationId { get; private set; }

    public bool IsNetworkAdmin { get; private set; }

    public CommunityHealthResponse Figures { get; private set; } = null!;

    /// The periods the page offers; the API takes any count from 4 to 26.
    public static readonly int[] WeekChoices = [4, 8, 12, 26];

    public async Task<IActionResult> OnGetAsync(Guid? locationId, int? weeks, CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        IsNetworkAdmin = scope.IsNetworkAdmin;
        Locations = await LocationChoices.ListAsync(db, scope, manageableOnly: false, ct);
        var figures = await health.HandleAsync(locationId, weeks, scope, ct);
        if (!figures.IsOk && figures.Error is Invalid invalid)
        {
            // a period out of range: say so and show the default period
            ModelState.AddModelError(invalid.Field, l[invalid.Reason]);
            figures = await health.HandleAsync(locationId, null, scope, ct);
        }
        if (!figures.IsOk)
        {
            return NotFound();
        }
        LocationId = locationId;
        Figures = figures.Value;
        return Page();
    }
}
