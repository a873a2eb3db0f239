using Cotravail.Common.Database;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Common.Audit;

/// GET /api/v1/audit and /admin/audit: network admins search the log, newest first.
internal static class SearchAuditLog
{
    /// From and To are UTC days, both included; ActorEmail matches part of the actor's email.
    internal sealed record Query(string? Action, Guid? ActorId, string? ActorEmail, Guid? TargetId, DateOnly? From, DateOnly? To, int? Page, int? PageSize);

    public static async Task<Page<AuditEntryResponse>> HandleAsync(Query query, AppDb db, CancellationToken ct)
    {
        var entries = db.Set<AuditEntry>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            var action = query.Action.Trim();
            entries = entries.Where(a => a.Action == action);
        }
        if (query.ActorId is { } actorId)
        {
            entries = entries.Where(a => a.ActorUserId == actorId);
        }
        if (!string.IsNullOrWhiteSpace(query.ActorEmail))
        {
            var term = query.ActorEmail.Trim().ToUpperInvariant();
            entries = entries.Where(a => db.Users.Any(u => u.Id == a.ActorUserId && u.NormalizedEmail!.Contains(term)));
        }
        if (query.TargetId is { } targetId)
        {
            entries = entries.Where(a => a.TargetId == targetId);
        }
        if (query.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            entries = entries.Where(a => a.At >= start);
        }
        if (query.To is { } to && to < DateOnly.MaxValue) // up to 9999-12-31 is no upper bound
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            entries = entries.Where(a => a.At < end);
        }
        return await entries.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Select(a => new AuditEntryResponse(a.Id, a.At, a.Action, a.ActorUserId,
                db.Users.Where(u => u.Id == a.ActorUserId).Select(u => u.Email).FirstOrDefault(),
                a.IpAddress, a.TargetType, a.TargetId, a.LocationId, a.Detail))
            .ToPageAsync(PageRequest.Of(query.Page, query.PageSize), ct);
    }
}

internal sealed record AuditEntryResponse(
    Guid Id,
    DateTime At,
    string Action,
    Guid? ActorUserId,
    string? ActorEmail,
    string? IpAddress,
    string? TargetType,
    Guid? TargetId,
    Guid? LocationId,
    string? Detail);
