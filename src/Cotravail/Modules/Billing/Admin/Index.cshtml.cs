using Cotravail.Common;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Web;
using Cotravail.Modules.Locations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Billing.Admin;

/// /admin/invoices: the invoices and credit notes of one's locations, drafts first, filtered by location, state,
/// kind and customer or number — the same query as GET /api/v1/invoices. Hosts read; managers draft from here.
[Authorize(Policy = Policies.Staff)]
internal sealed class IndexModel(AppDb db, Access access, TimeProvider clock) : PageModel
{
    /// Read from the query string only: "page" is also the name of a Razor Pages route value.
    public InvoiceQueries.Query Query { get; private set; } = new(null, null, null, null, null, null, null, null, null);

    public Page<InvoiceSummary> Results { get; private set; } = new([], 1, 25, 0);

    public IReadOnlyList<Choice> Locations { get; private set; } = [];

    public bool CanManage { get; private set; }

    /// The billing run whose drafts are shown (?runId=…), as its id and month.
    public (Guid Id, string Period)? Run { get; private set; }

    public async Task OnGetAsync([FromQuery] Guid? locationId, [FromQuery] PaymentState? state, [FromQuery] DocumentKind? kind, [FromQuery] string? q,
        [FromQuery(Name = "page")] int? pageNumber, [FromQuery] Guid? runId, CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        Query = new(locationId, null, null, kind, null, state, q, pageNumber, null, runId);
        if (runId is { } id && await db.BillingRuns.AsNoTracking().Where(r => r.Id == id).Select(r => r.Period).FirstOrDefaultAsync(ct) is { } period)
        {
            Run = (id, period);
        }
        CanManage = scope.IsManager;
        Locations = await LocationChoices.ListAsync(db, scope, manageableOnly: false, ct);
        Results = await InvoiceQueries.ListAsync(Query, db, scope, clock, ct);
    }
}
