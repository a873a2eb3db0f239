using System.Threading.Channels;
using Cotravail.Common.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cotravail.Modules.Billing;

internal sealed class BillingRunOptions
{
    /// Payers drafted (or invoices issued) per batch; each batch saves the run's progress.
    public int BatchSize { get; set; } = 1000;
}

/// The runs to work on: started or resumed runs are posted here and the worker takes them in turn.
internal sealed class BillingRunQueue
{
    private readonly Channel<Guid> runs = Channel.CreateUnbounded<Guid>();

    public void Post(Guid runId) => runs.Writer.TryWrite(runId);

    public ChannelReader<Guid> Reader => runs.Reader;
}

/// Works billing runs in the background, batch after batch, each in its own DI scope. On start it takes
/// back every unfinished run (collecting, drafting, issuing), so a run stopped by a crash or a shutdown
/// continues where its last batch committed; then it waits for runs posted by the API. Stopping the host
/// cancels the batch in flight (its transaction rolls back) and leaves the run to be resumed.
internal sealed class BillingRunWorker(IServiceScopeFactory scopes, BillingRunQueue queue, IOptions<BillingRunOptions> options, ILogger<BillingRunWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Yield();
            foreach (var id in await UnfinishedAsync(stoppingToken))
            {
                await WorkAsync(id, stoppingToken);
            }
            await foreach (var id in queue.Reader.ReadAllAsync(stoppingToken))
            {
                await WorkAsync(id, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task<List<Guid>> UnfinishedAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            return await db.BillingRuns.AsNoTracking()
                .Where(r => r.Status == BillingRunStatus.Collecting || r.Status == BillingRunStatus.Drafting || r.Status == BillingRunStatus.Issuing)
                .OrderBy(r => r.StartedAt).Select(r => r.Id).ToListAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Could not read the unfinished billing runs");
            return [];
        }
    }

    private async Task WorkAsync(Guid runId, CancellationToken ct)
    {
        var more = true;
        while (more && !ct.IsCancellationRequested)
        {
            await using var scope = scopes.CreateAsyncScope();
            var steps = scope.ServiceProvider.GetRequiredService<BillingRunSteps>();
            try
            {
                more = await steps.StepAsync(runId, Math.Max(1, options.Value.BatchSize), ct);
            }
            catch (Exception e) when (e is not OperationCanceledException && e is not OutOfMemoryException)
            {
                logger.LogError(e, "Billing run {Run} failed", runId);
                await steps.FailAsync(runId, e, ct);
                return;
            }
        }
    }
}
