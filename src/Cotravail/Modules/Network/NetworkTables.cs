using Cotravail.Common.Database;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Network;

/// The module's tables on the one context: AppDb (Common) names no module, each module adds its own.
internal static class NetworkTables
{
    extension(AppDb db)
    {
        public DbSet<NetworkProfile> Network => db.Set<NetworkProfile>();

        /// The network's one row, by its key: read it with SingleOrDefault (First without a filter is unordered).
        public IQueryable<NetworkProfile> NetworkRow => db.Set<NetworkProfile>().Where(n => n.Id == NetworkProfile.SingletonId);
    }
}
