using Cotravail.Common.Auth;
using Cotravail.Common.Database;

namespace Cotravail.Common.Audit;

internal static class AuditModule
{
    public static IServiceCollection AddAudit(this IServiceCollection services) => services.AddScoped<AuditTrail>();

    public static RouteGroupBuilder MapAudit(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", async ([AsParameters] SearchAuditLog.Query query, AppDb db, CancellationToken ct) =>
                TypedResults.Ok(await SearchAuditLog.HandleAsync(query, db, ct)))
            .RequireAuthorization(Policies.NetworkAdmin).WithTags("Audit").ProducesProblem(403)
            .WithSummary("Search the audit log, newest first (action, actorId, actorEmail, targetId, from, to as UTC days, page, pageSize); network admins.");
        return api;
    }
}
