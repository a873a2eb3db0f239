using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Modules.Resources;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Assignments;

/// A desk or office someone holds now or later keeps its kind (IResourceKindGuard): end its assignments first.
internal sealed class AssignedKeepsKind : IResourceKindGuard
{
    public async Task<Error?> RefusalAsync(AppDb db, Resource resource, DateTime now, CancellationToken ct) =>
        await db.ResourceAssignments.AnyAsync(a => a.ResourceId == resource.Id && (a.EndsAt == null || a.EndsAt > now), ct)
            ? new Conflict(nameof(ResourceInput.Kind), "This desk or office is assigned now or later: end its assignments before changing its kind.")
            : null;
}
