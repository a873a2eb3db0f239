using Cotravail.Common;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Companies.Admin;

[Authorize(Policy = Policies.Staff)]
internal sealed class IndexModel(AppDb db, ICompanyPeople people, Access access) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ListCompanies.Query Query { get; set; } = new(null, null, null, null, null);

    public Page<CompanyResponse> Results { get; private set; } = new([], 1, 25, 0);

    public bool CanCreate { get; private set; }

    /// The companies of the page the reader may change (CompanyAccess.EditableBy); the others are listed without a link.
    public IReadOnlySet<Guid> Editable { get; private set; } = new HashSet<Guid>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        CanCreate = scope.IsManager;
        Results = await ListCompanies.HandleAsync(Query, db, people, scope, ct);
        var ids = Results.Items.Select(c => c.Id).ToList();
        Editable = (await db.Companies.EditableBy(people.Query(db), scope).Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct)).ToHashSet();
    }
}
