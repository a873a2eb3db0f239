using Cotravail.Common;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Web;
using Cotravail.Modules.Locations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cotravail.Modules.Offers.Admin;

/// /admin/offers: the catalogue as its managers see it (inactive offers included), the same query as GET /api/v1/offers.
[Authorize(Policy = Policies.Manager)]
internal sealed class IndexModel(AppDb db, Access access) : PageModel
{
    /// Read from the query string only: "page" is also the name of a Razor Pages route value.
    public OfferQueries.Query Query { get; private set; } = new(null, null, null, null, null, null);

    public Page<OfferResponse> Results { get; private set; } = new([], 1, 25, 0);

    public IReadOnlyList<Choice> Locations { get; private set; } = [];

    public async Task OnGetAsync([FromQuery] Guid? locationId, [FromQuery] OfferKind? kind, [FromQuery] bool? active, [FromQuery] string? q,
        [FromQuery(Name = "page")] int? pageNumber, CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        Query = new(locationId, kind, active, q, pageNumber, null);
        Locations = await LocationChoices.ListAsync(db, scope, manageableOnly: false, ct);
        Results = await OfferQueries.ListAsync(Query, db, scope, ct);
    }
}
