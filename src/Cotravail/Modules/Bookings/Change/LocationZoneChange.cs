using System.Globalization;
using Cotravail.Common;
using Cotravail.Common.Audit;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Resources;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Bookings;

/// A location's time-zone change never silently moves future bookings (ADR 10). Bookings hold
/// UTC instants, so a new zone would show them at other wall-clock times: with future active bookings
/// the change is refused (409 naming timeZone, with their count) unless the caller chooses.
/// keepLocalTimes: each keeps its local times in the new zone, moved like a change (all or none, the
/// ones that cannot move listed). keepInstants: they keep their instants; the audit log records it.
internal sealed class LocationZoneChange(SeatWriter writer) : ITimeZoneChange
{
    public const string KeepLocalTimes = "keepLocalTimes";
    public const string KeepInstants = "keepInstants";

    public Task<int> CountFutureAsync(AppDb db, Guid locationId, DateTime now) =>
        db.Bookings.CountAsync(b => b.LocationId == locationId && b.Start > now && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Confirmed));

    /// Saves the location, already changed in the context, with its future bookings handled by the choice.
    public async Task<Result<bool>> SaveAsync(AppDb db, Location location, string formerZone, string? choice, AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Started bookings keep their instants: what has begun is not moved.
        var future = await db.Bookings
            .Where(b => b.LocationId == location.Id && b.Start > now && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Confirmed))
            .OrderBy(b => b.Start).ToListAsync(ct);
        if (future.Count == 0)
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        var detail = $"{formerZone} → {location.TimeZone}, {future.Count} future bookings: {choice}";
        if (choice == KeepInstants)
        {
            audit.Record(AuditActions.LocationTimeZoneChanged, "location", location.Id, location.Id, detail);
            await db.SaveChangesAsync(ct);
            return true;
        }
        if (choice != KeepLocalTimes)
        {
            return new ListedConflict("timeZone", BookingMessages.ZoneChangeNeedsAChoice, [], future.Count);
        }
        var (from, to) = (TimeZoneInfo.FindSystemTimeZoneById(formerZone), TimeZoneInfo.FindSystemTimeZoneById(location.TimeZone));
        var unmovable = new List<string>();
        foreach (var booking in future)
        {
            var (localStart, localEnd) = (WallClock.ToLocal(booking.Start, from), WallClock.ToLocal(booking.End, from));
            var (start, end) = (WallClock.ToUtc(localStart, to, null, "start"), WallClock.ToUtc(localEnd, to, null, "end"));
            if (!start.IsOk || !end.IsOk)
            {
                unmovable.Add(Text(localStart)); // the time does not exist, or happens twice, in the new zone
                continue;
            }
            booking.Shift(new TimeSlot(start.Value, end.Value));
        }
        if (unmovable.Count > 0)
        {
            return new ListedConflict("timeZone", BookingMessages.ZoneChangeConflicts, unmovable, unmovable.Count);
        }
        var resources = future.Select(b => b.ResourceId).Distinct().ToList();
        var seats = await db.Resources.Where(r => resources.Contains(r.Id))
            .ToDictionaryAsync(r => r.Id, r => r.Kind == ResourceKind.HotDeskZone ? r.Capacity : 1, ct);
        audit.Record(AuditActions.LocationTimeZoneChanged, "location", location.Id, location.Id, detail);
        var taken = await writer.UpdateAllAsync(db, [.. future.Select(b => (b, seats[b.ResourceId]))], ct);
        if (taken.Count > 0)
        {
            // Put back as they were: named by their local times, which they were to keep.
            return new ListedConflict("timeZone", BookingMessages.ZoneChangeConflicts, [.. taken.Select(b => Text(WallClock.ToLocal(b.Start, from)))], taken.Count);
        }
        return true;
    }

    private static string Text(DateTime local) => local.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
}
