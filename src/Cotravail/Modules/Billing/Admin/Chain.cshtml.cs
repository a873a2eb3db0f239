using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cotravail.Modules.Billing.Admin;

/// /admin/billing/chain: recomputes the footprint chain of every issued document (VerifyChain, as GET
/// /api/v1/billing/chain) and says it is intact or where it first breaks.
[Authorize(Policy = Policies.Manager)]
internal sealed class ChainModel(AppDb db) : PageModel
{
    public VerifyChain.Report Report { get; private set; } = new(true, 0, null);

    public async Task OnGetAsync(CancellationToken ct) => Report = await VerifyChain.HandleAsync(db, ct);
}
