using Cotravail.Common.Database;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Joining;

/// The module's tables on the one context: AppDb (Common) names no module, each module adds its own.
internal static class JoiningTables
{
    extension(AppDb db)
    {
        public DbSet<JoinRequest> JoinRequests => db.Set<JoinRequest>();
        public DbSet<Invitation> Invitations => db.Set<Invitation>();
    }
}
