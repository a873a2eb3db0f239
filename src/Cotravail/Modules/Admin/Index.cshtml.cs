using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Modules.Companies;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Members;
using Cotravail.Modules.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Admin;

/// The back office's front page: what this staff member looks after.
[Authorize(Policy = Policies.Staff)]
internal sealed class IndexModel(AppDb db, Access access) : PageModel
{
    public int Locations { get; private set; }

    public int Resources { get; private set; }

    public int Members { get; private set; }

    public int Companies { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        Locations = await db.Locations.VisibleTo(scope).CountAsync(l => l.IsActive, ct);
        Resources = await db.Resources.VisibleTo(db, scope).CountAsync(r => r.IsActive, ct);
        Members = await db.Members.VisibleTo(scope).CountAsync(m => m.IsActive, ct);
        Companies = await db.Companies.VisibleTo(scope).CountAsync(c => c.IsActive, ct);
    }
}
