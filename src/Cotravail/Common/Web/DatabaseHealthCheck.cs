using Cotravail.Common.Database;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cotravail.Common.Web;

/// Readiness: the database answers. The answer names no host nor error text (the endpoint is anonymous).
internal sealed class DatabaseHealthCheck(AppDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        bool answers;
        try
        {
            answers = await db.Database.CanConnectAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            answers = false;
        }
        return answers ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The database does not answer.");
    }
}
