using Cotravail.Common;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cotravail.Modules.Locations;

namespace Cotravail.Modules.Resources.Admin;

[Authorize(Policy = Policies.Staff)]
internal sealed class IndexModel(AppDb db, Access access) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ListResources.Query Query { get; set; } = new(null, null, null, null, null, null, null, null);

    public Page<ResourceResponse> Results { get; private set; } = new([], 1, 25, 0);

    public IReadOnlyList<Choice> Locations { get; private set; } = [];

    public bool CanCreate { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        CanCreate = scope.IsManager;
        Locations = await LocationChoices.ListAsync(db, scope, manageableOnly: false, ct);
        Results = await ListResources.HandleAsync(Query, db, scope, ct);
    }
}
