using Microsoft.Extensions.Options;

namespace Cotravail.Common.Email;

/// Cotravail:Outbox: Send=false leaves messages queued (an instance that only serves pages);
/// PollInterval is how often due messages are looked for.
internal sealed class OutboxOptions
{
    public bool Send { get; set; } = true;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);
}

/// Runs a sending pass every PollInterval on every instance; claims keep them from sending twice.
internal sealed class OutboxWorker(IServiceScopeFactory scopes, IOptions<OutboxOptions> options, TimeProvider clock, ILogger<OutboxWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Send)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().SendDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The database may be briefly unreachable: log and try again at the next tick.
                logger.LogError(e, "The outbox pass failed");
            }
            try
            {
                await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
