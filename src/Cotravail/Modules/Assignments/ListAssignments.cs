using Cotravail.Common;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;

namespace Cotravail.Modules.Assignments;

/// GET /api/v1/assignments, the back-office list and "my desks and offices".
internal static class ListAssignments
{
    /// Current: only assignments not yet over (running or to come).
    internal sealed record Query(Guid? LocationId, Guid? ResourceId, Guid? MemberId, Guid? CompanyId, bool? Current, int? Page, int? PageSize);

    public static Task<Page<AssignmentResponse>> HandleAsync(Query query, AppDb db, AccessScope scope, TimeProvider clock, CancellationToken ct)
    {
        var assignments = db.ResourceAssignments.VisibleTo(scope);
        if (query.LocationId is { } locationId)
        {
            assignments = assignments.Where(a => a.LocationId == locationId);
        }
        if (query.ResourceId is { } resourceId)
        {
            assignments = assignments.Where(a => a.ResourceId == resourceId);
        }
        if (query.MemberId is { } memberId)
        {
            assignments = assignments.Where(a => a.MemberId == memberId);
        }
        if (query.CompanyId is { } companyId)
        {
            assignments = assignments.Where(a => a.CompanyId == companyId);
        }
        if (query.Current == true)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            assignments = assignments.Where(a => a.EndsAt == null || a.EndsAt > now);
        }
        return assignments.OrderByDescending(a => a.From).ThenBy(a => a.Id).ToResponses(db)
            .ToPageAsync(PageRequest.Of(query.Page, query.PageSize), ct);
    }
}
