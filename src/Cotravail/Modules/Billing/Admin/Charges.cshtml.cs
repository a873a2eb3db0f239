using Cotravail.Common;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Web;
using Cotravail.Modules.Locations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cotravail.Modules.Billing.Admin;

/// /admin/charges: the charges of one's locations (ChargeQueries, as GET /api/v1/charges), filtered by location, month,
/// pending or billed, source and the customer's name, 50 a page. Staff read; managers add a charge from here.
[Authorize(Policy = Policies.Staff)]
internal sealed class ChargesModel(AppDb db, Access access) : PageModel
{
    /// Read from the query string only: "page" is also the name of a Razor Pages route value.
    public ChargeQueries.Query Query { get; private set; } = new(null, null, null, null, null);

    public Page<ChargeQueries.Row> Results { get; private set; } = new([], 1, 50, 0);

    public IReadOnlyList<Choice> Locations { get; private set; } = [];

    public bool CanManage { get; private set; }

    public async Task OnGetAsync([FromQuery] Guid? locationId, [FromQuery] string? period, [FromQuery] bool? pending, [FromQuery] ChargeSource? source,
        [FromQuery] string? q, [FromQuery(Name = "page")] int? pageNumber, CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        Query = new(period, locationId, pending, source, q);
        CanManage = scope.IsManager;
        Locations = await LocationChoices.ListAsync(db, scope, manageableOnly: false, ct);
        Results = await ChargeQueries.PageAsync(db, scope, Query, pageNumber, ct);
    }
}
