using System.Globalization;
using System.Text.Json;
using Cotravail.Common.Database;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cotravail.Common.Web;

/// /healthz is liveness: the process answers, nothing else is asked (a database outage must not get the
/// process restarted). /readyz is readiness: the database answers, every migration of this build is
/// applied, and the data folder takes writes with more than Cotravail:Readiness:MinFreeMegabytes free;
/// 503 with a JSON body naming each check otherwise. Both anonymous, never cached, never rate-limited.
internal static class Readiness
{
    private const string Ready = "ready";

    public static IServiceCollection AddReadiness(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [Ready])
            .AddCheck<MigrationsHealthCheck>("migrations", tags: [Ready])
            .AddCheck<DataFolderHealthCheck>("data-folder", tags: [Ready]);
        return services;
    }

    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteAsync })
            .AllowAnonymous();
        return app;
    }

    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return JsonSerializer.SerializeAsync(http.Response.Body, body, cancellationToken: http.RequestAborted);
    }
}

internal sealed class MigrationsHealthCheck(MigrationRunner migrations) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<string> pending;
        try
        {
            pending = await migrations.PendingAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The applied migrations cannot be read.");
        }
        return pending.Count == 0
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"Not applied: {string.Join(", ", pending)}.");
    }
}

/// The folder of the SQLite file, the outbox and the uploads: writable, with room left.
internal sealed class DataFolderHealthCheck(IConfiguration configuration) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var folder = Path.GetFullPath(configuration["Cotravail:DataDirectory"] ?? "data");
        var minimum = configuration.GetValue<long>("Cotravail:Readiness:MinFreeMegabytes", 100);
        return Task.FromResult(Check(folder, minimum));
    }

    public static HealthCheckResult Check(string folder, long minFreeMegabytes)
    {
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".readyz-{Guid.NewGuid():N}.tmp");
            File.WriteAllBytes(probe, [1]);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return HealthCheckResult.Unhealthy("The data folder cannot be written.");
        }
        var free = new DriveInfo(folder).AvailableFreeSpace / (1024 * 1024);
        return free < minFreeMegabytes
            ? HealthCheckResult.Unhealthy(string.Create(CultureInfo.InvariantCulture, $"The data folder has {free} MB free, below the {minFreeMegabytes} MB minimum."))
            : HealthCheckResult.Healthy();
    }
}
