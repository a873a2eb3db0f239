using Cotravail.Common.Localization;
using Cotravail.Common.Database;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Locations.Photos;
using Cotravail.Modules.Network;
using Cotravail.Modules.Resources;

namespace Cotravail.Modules.Home;

[AllowAnonymous]
internal sealed class IndexModel(AppDb db) : PageModel
{
    internal sealed record LocationCard(Guid Id, string Slug, string Name, string City, BilingualText Description, int ResourceCount);

    public string NetworkName { get; private set; } = "Cotravail";

    public BilingualText Tagline { get; private set; } = BilingualText.Empty;

    public IReadOnlyList<LocationCard> Locations { get; private set; } = [];

    public CardPhotos Photos { get; private set; } = CardPhotos.None;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var network = await db.NetworkRow.AsNoTracking().SingleOrDefaultAsync(ct);
        NetworkName = network?.Name ?? NetworkName;
        Tagline = network?.Tagline ?? BilingualText.Empty;
        Locations = await db.Locations.Where(l => l.IsActive).OrderBy(l => l.Name)
            .Select(l => new LocationCard(l.Id, l.Slug, l.Name, l.City, l.Description, db.Set<Resource>().Count(r => r.LocationId == l.Id && r.IsActive)))
            .ToListAsync(ct);
        Photos = await ManagePhotos.FirstOfAsync(db, [.. Locations.Select(l => l.Id)], ct);
    }
}
