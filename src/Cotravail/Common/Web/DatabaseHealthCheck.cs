using Cotravail.Common.Database;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cotravail.Common.Web;

internal sealed class DatabaseHealthCheck(AppDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database does not answer.");
}
