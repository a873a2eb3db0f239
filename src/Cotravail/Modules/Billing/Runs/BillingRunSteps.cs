using Cotravail.Common.Database;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Billing;

/// Moves a run one step: collect the period's charges, draft one batch, or issue one batch.
internal sealed class BillingRunSteps(AppDb db, CollectCharges collect, DraftRunInvoices draft, IssueRunInvoices issue, TimeProvider clock)
{
    /// One step; false once the run has nothing left to do in its current status.
    public async Task<bool> StepAsync(Guid runId, int batchSize, CancellationToken ct)
    {
        var run = await db.BillingRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, ct);
        switch (run?.Status)
        {
            case BillingRunStatus.Collecting:
                await CollectAsync(run, ct);
                return true;
            case BillingRunStatus.Drafting:
                return !await draft.BatchAsync(runId, batchSize, ct);
            case BillingRunStatus.Issuing:
                return !await issue.BatchAsync(runId, batchSize, ct);
            default:
                return false;
        }
    }

    public async Task FailAsync(Guid runId, Exception e, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var run = await db.BillingRuns.FirstAsync(r => r.Id == runId, ct);
        run.Fail(e.Message, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
    }

    private async Task CollectAsync(BillingRun run, CancellationToken ct)
    {
        if (!BillingPeriod.TryParse(run.Period, out var period))
        {
            throw new InvalidOperationException($"Run {run.Id} has period {run.Period}.");
        }
        var collected = await collect.HandleAsync(period, ct);
        var left = await draft.CountPayersAfterAsync(run.Period, run.DraftCursor, ct);
        var tracked = await db.BillingRuns.FirstAsync(r => r.Id == run.Id, ct);
        tracked.Collected(collected, left);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
