using Cotravail.Common.Database;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Locations;

/// The module's tables on the one context: AppDb (Common) names no module, each module adds its own.
internal static class LocationsTables
{
    extension(AppDb db)
    {
        public DbSet<Location> Locations => db.Set<Location>();
    }
}
