using Cotravail.Common;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cotravail.Modules.Companies.Admin;

[Authorize(Policy = Policies.Staff)]
internal sealed class IndexModel(AppDb db, Access access) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ListCompanies.Query Query { get; set; } = new(null, null, null, null, null);

    public Page<CompanyResponse> Results { get; private set; } = new([], 1, 25, 0);

    public bool CanCreate { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        CanCreate = scope.IsManager;
        Results = await ListCompanies.HandleAsync(Query, db, scope, ct);
    }
}
