using Cotravail.Common.Database;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Offers;

/// The module's tables on the one context: AppDb (Common) names no module, each module adds its own.
internal static class OffersTables
{
    extension(AppDb db)
    {
        public DbSet<Offer> Offers => db.Set<Offer>();

        public DbSet<ReducedRateGrant> ReducedRateGrants => db.Set<ReducedRateGrant>();
    }
}
