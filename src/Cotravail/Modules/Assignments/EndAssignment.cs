using System.ComponentModel.DataAnnotations;
using Cotravail.Common.Audit;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Microsoft.EntityFrameworkCore;
using Cotravail.Modules.Locations;

namespace Cotravail.Modules.Assignments;

/// Ends an assignment: it stops on the given local date (exclusive), by default after today.
internal static class EndAssignment
{
    internal sealed record Request
    {
        /// The local date it stops, e.g. "2027-01-01"; empty: tomorrow, so the resource is free from then.
        [StringLength(10, ErrorMessage = Messages.TooLong), Display(Name = "Until")]
        public string? To { get; init; }
    }

    public static async Task<Result<AssignmentResponse>> HandleAsync(Guid id, Request request, AppDb db, AccessScope scope, AuditTrail audit, TimeProvider clock, CancellationToken ct)
    {
        var assignment = await db.ResourceAssignments.VisibleTo(scope).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (assignment is null)
        {
            return new NotFound("Assignment");
        }
        if (!scope.CanManage(assignment.LocationId))
        {
            return new Forbidden();
        }
        var timeZone = await db.Locations.Where(l => l.Id == assignment.LocationId).Select(l => l.TimeZone).FirstAsync(ct);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var now = clock.GetUtcNow().UtcDateTime;
        var to = LocalDates.Today(now, zone).AddDays(1);
        if (!string.IsNullOrWhiteSpace(request.To) && !LocalDates.TryParse(request.To, out to))
        {
            return new Invalid(nameof(Request.To), AssignmentMessages.NotADate);
        }
        if (!assignment.End(to, LocalDates.StartUtc(to, zone), now))
        {
            return new Invalid(nameof(Request.To), to <= assignment.From ? AssignmentMessages.EndBeforeStart : AssignmentMessages.EndTooLate);
        }
        audit.Record(AuditActions.AssignmentEnded, "assignment", assignment.Id, assignment.LocationId, $"until {to:yyyy-MM-dd}");
        await db.SaveChangesAsync(ct);
        return await AssignmentAccess.ResponseAsync(db, assignment.Id, ct);
    }
}
