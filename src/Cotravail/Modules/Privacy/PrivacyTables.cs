using Cotravail.Common.Database;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Privacy;

/// The module's tables on the one context: AppDb (Common) names no module, each module adds its own.
internal static class PrivacyTables
{
    extension(AppDb db)
    {
        public DbSet<MemberPrivacy> MemberPrivacy => db.Set<MemberPrivacy>();
    }
}
