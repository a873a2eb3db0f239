using Cotravail.Common.Database;
using Cotravail.Common.Errors;

namespace Cotravail.Modules.Resources;

/// Something another module keeps that stops a resource from changing kind, such as a desk assigned to
/// someone (Assignments). The module that keeps it registers the guard, so Resources names no module above it.
internal interface IResourceKindGuard
{
    /// Why this resource may not become another kind now, or null.
    Task<Error?> RefusalAsync(AppDb db, Resource resource, DateTime now, CancellationToken ct);
}
