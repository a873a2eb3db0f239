using Cotravail.Common.Database;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Resources;

/// The module's tables on the one context: AppDb (Common) names no module, each module adds its own.
internal static class ResourcesTables
{
    extension(AppDb db)
    {
        public DbSet<Resource> Resources => db.Set<Resource>();
    }
}
