using Cotravail.Common.Database;
using Cotravail.Modules.Locations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cotravail.Modules.Offers.Public;

/// /offers: the active catalogue, the network's offers then each location's, grouped by kind, prices HT and TTC.
[AllowAnonymous]
internal sealed class IndexModel(AppDb db) : PageModel
{
    public OfferShelf Network { get; private set; } = OfferShelf.Empty;

    public IReadOnlyList<(Location Location, OfferShelf Shelf)> Locations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => (Network, Locations) = await OfferCatalogue.AllAsync(db, ct);
}
