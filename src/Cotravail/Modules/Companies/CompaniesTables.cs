using Cotravail.Common.Database;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Companies;

/// The module's tables on the one context: AppDb (Common) names no module, each module adds its own.
internal static class CompaniesTables
{
    extension(AppDb db)
    {
        public DbSet<Company> Companies => db.Set<Company>();
    }
}
