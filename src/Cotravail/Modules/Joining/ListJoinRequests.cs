using Cotravail.Common;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;

namespace Cotravail.Modules.Joining;

/// GET /api/v1/join-requests and /admin/join-requests: oldest pending first by default.
internal static class ListJoinRequests
{
    internal sealed record Query(Guid? LocationId, JoinRequestStatus? Status, int? Page, int? PageSize);

    public static Task<Page<JoinRequestResponse>> HandleAsync(Query query, AppDb db, AccessScope scope, CancellationToken ct)
    {
        var requests = db.JoinRequests.VisibleTo(scope);
        if (query.LocationId is { } locationId)
        {
            requests = requests.Where(r => r.LocationId == locationId);
        }
        if (query.Status is { } status)
        {
            requests = requests.Where(r => r.Status == status);
        }
        return requests.OrderBy(r => r.Status == JoinRequestStatus.Pending ? 0 : 1).ThenBy(r => r.CreatedAt)
            .ToResponses(db).ToPageAsync(PageRequest.Of(query.Page, query.PageSize), ct);
    }
}
