using Cotravail.Common.Database;
using Cotravail.Modules.Resources;
using Cotravail.Modules.Locations;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Bookings;

/// Keeps the current ResourceCatalog, loaded again when it is older than its Lifetime or when the rules
/// were forgotten (RulesCache.Generation). One per app, registered by the Bookings module.
internal sealed class CatalogCache(RulesCache rules)
{
    private readonly SemaphoreSlim loading = new(1, 1);
    private ResourceCatalog? current;

    public async Task<ResourceCatalog> GetAsync(AppDb db, CancellationToken ct)
    {
        if (Volatile.Read(ref current) is { } catalog && catalog.FreshFor(rules))
        {
            return catalog;
        }
        await loading.WaitAsync(ct);
        try
        {
            if (current is { } again && again.FreshFor(rules))
            {
                return again;
            }
            var generation = rules.Generation; // read before loading: a save meanwhile makes it stale at once
            var resources = await db.Resources.AsNoTracking()
                .Where(r => r.IsActive && db.Set<Location>().Any(l => l.Id == r.LocationId && l.IsActive)).ToListAsync(ct);
            var locations = await db.Locations.AsNoTracking().AsSplitQuery().Where(l => l.IsActive).ToListAsync(ct);
            var loaded = new ResourceCatalog(resources, locations, generation);
            Volatile.Write(ref current, loaded);
            return loaded;
        }
        finally
        {
            loading.Release();
        }
    }
}
