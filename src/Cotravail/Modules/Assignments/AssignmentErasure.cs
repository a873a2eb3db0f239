using Cotravail.Modules.Privacy.Erasure;
using Microsoft.EntityFrameworkCore;
using Cotravail.Modules.Locations;

namespace Cotravail.Modules.Assignments;

/// Assignments of an erased member: past ones are kept (they carry the prices billed, and hold only
/// ids); one not started yet is deleted; a running one ends tonight, freeing the desk. The staff who
/// made them are named only by account id, which stays (like the audit log's actor).
internal sealed class AssignmentErasure : IErasureStep
{
    public IReadOnlyCollection<string> Tables { get; } = ["ResourceAssignments"];

    public async Task EraseAsync(ErasureContext context, CancellationToken ct)
    {
        if (context.Subject.MemberId is not { } memberId)
        {
            return;
        }
        var now = context.Now;
        await context.Db.ResourceAssignments.Where(a => a.MemberId == memberId && a.StartsAt > now).ExecuteDeleteAsync(ct);
        var running = await context.Db.ResourceAssignments.Where(a => a.MemberId == memberId && (a.EndsAt == null || a.EndsAt > now)).ToListAsync(ct);
        foreach (var assignment in running)
        {
            var timeZone = await context.Db.Locations.Where(l => l.Id == assignment.LocationId).Select(l => l.TimeZone).FirstAsync(ct);
            var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
            var to = LocalDates.Today(now, zone).AddDays(1);
            assignment.End(to, LocalDates.StartUtc(to, zone), now); // running: From <= today < to
        }
    }
}
