using Cotravail.Common.Audit;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;

namespace Cotravail.Modules.Locations;

/// What a location's time-zone change carries with it: its future bookings, which the Bookings module
/// moves or keeps by the caller's choice (ADR 10). Bookings registers it, so Locations names no module above it.
internal interface ITimeZoneChange
{
    /// The pending and confirmed bookings of the location still to start, which a change of zone must decide on.
    Task<int> CountFutureAsync(AppDb db, Guid locationId, DateTime now);

    /// Saves the location, already changed in the context, with what depends on its zone handled by the choice.
    Task<Result<bool>> SaveAsync(AppDb db, Location location, string formerZone, string? choice, AuditTrail audit, TimeProvider clock, CancellationToken ct);
}
