using Cotravail.Common.Database;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Members;

/// The module's tables on the one context: AppDb (Common) names no module, each module adds its own.
internal static class MembersTables
{
    extension(AppDb db)
    {
        public DbSet<Member> Members => db.Set<Member>();
    }
}
