using Cotravail.Common;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cotravail.Modules.Locations.Admin;

[Authorize(Policy = Policies.Staff)]
internal sealed class IndexModel(AppDb db, Access access) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ListLocations.Query Query { get; set; } = new(null, null, null, null, null);

    public Page<LocationResponse> Results { get; private set; } = new([], 1, 25, 0);

    public bool CanCreate { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        CanCreate = scope.IsNetworkAdmin;
        Results = await ListLocations.HandleAsync(Query, db, scope, ct);
    }
}
