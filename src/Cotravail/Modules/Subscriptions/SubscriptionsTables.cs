using Cotravail.Common.Database;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Subscriptions;

/// The module's tables on the one context.
internal static class SubscriptionsTables
{
    extension(AppDb db)
    {
        public DbSet<Subscription> Subscriptions => db.Set<Subscription>();

        public DbSet<Allowance> Allowances => db.Set<Allowance>();

        public DbSet<AllowanceUse> AllowanceUses => db.Set<AllowanceUse>();
    }
}
