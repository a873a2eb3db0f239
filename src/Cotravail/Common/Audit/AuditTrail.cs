using System.Security.Claims;
using Cotravail.Common.Database;

namespace Cotravail.Common.Audit;

/// Adds audit entries to the request's unit of work: they are saved by the caller's SaveChanges,
/// so an action and its trace commit or roll back together.
internal sealed class AuditTrail(AppDb db, IHttpContextAccessor http, TimeProvider clock)
{
    public void Record(string action, string? targetType = null, Guid? targetId = null, Guid? locationId = null, string? detail = null)
    {
        var context = http.HttpContext;
        var actor = Guid.TryParse(context?.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : (Guid?)null;
        var ip = context?.Connection.RemoteIpAddress?.ToString();
        db.Add(new AuditEntry(clock.GetUtcNow().UtcDateTime, action, actor, ip, targetType, targetId, locationId, detail));
    }

    /// For actions by someone not yet signed in (a failed sign-in): the actor is named explicitly.
    public void RecordFor(Guid? actorUserId, string action, string? detail = null)
    {
        var ip = http.HttpContext?.Connection.RemoteIpAddress?.ToString();
        db.Add(new AuditEntry(clock.GetUtcNow().UtcDateTime, action, actorUserId, ip, "user", actorUserId, null, detail));
    }
}
