using Cotravail.Common;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cotravail.Modules.Locations;

namespace Cotravail.Modules.Members.Admin;

[Authorize(Policy = Policies.Staff)]
internal sealed class IndexModel(AppDb db, Access access) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ListMembers.Query Query { get; set; } = new(null, null, null, null, null, null, null, null);

    public Page<MemberResponse> Results { get; private set; } = new([], 1, 25, 0);

    public IReadOnlyList<Choice> Locations { get; private set; } = [];

    public bool CanCreate { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        CanCreate = scope.IsManager;
        Locations = await LocationChoices.ListAsync(db, scope, manageableOnly: false, ct);
        Results = await ListMembers.HandleAsync(Query, db, scope, ct);
    }
}
