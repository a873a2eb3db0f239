using Cotravail.Common.Database;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Assignments;

/// The module's tables on the one context: AppDb (Common) names no module, each module adds its own.
internal static class AssignmentsTables
{
    extension(AppDb db)
    {
        public DbSet<ResourceAssignment> ResourceAssignments => db.Set<ResourceAssignment>();
    }
}
