using Cotravail.Common.Telemetry;

namespace Cotravail.Common.Jobs;

/// A background pass run every Interval on every instance, each pass in its own DI scope. The work
/// itself must be safe to run on several instances at once (claims, conditional updates); a failed
/// pass is logged and the next one tries again (the database may be briefly unreachable).
internal abstract class PeriodicJob(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger) : BackgroundService
{
    protected abstract bool Enabled { get; }

    protected TimeProvider Clock => clock;

    protected ILogger Logger => logger;

    protected abstract TimeSpan Interval { get; }

    protected abstract Task RunOnceAsync(IServiceProvider services, CancellationToken ct);

    /// The job's name in the metric cotravail.jobs.runs and on the operations page.
    protected virtual string Name => GetType().Name;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await RunOnceAsync(scope.ServiceProvider, stoppingToken);
                scope.ServiceProvider.GetService<AppMetrics>()?.JobRan(Name);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                logger.LogError(e, "The {Job} pass failed", GetType().Name);
            }
            try
            {
                await Task.Delay(Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
