using Cotravail.Common.Database;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Billing;

/// One batch of a run's issuing: its period's drafts, in id order after the run's cursor, each through
/// IssueInvoice.IssueAsync (the numbering transaction, so numbers follow each other and the chain holds),
/// then emailed. A draft the issuing refuses (no buyer address…) stays a draft and is counted; the run's
/// cursor and counts are saved after each document, so a stopped run continues with the next one.
internal sealed class IssueRunInvoices(AppDb db, IssueInvoice issue, InvoiceMail mail, TimeProvider clock)
{
    public async Task<bool> BatchAsync(Guid runId, int batchSize, CancellationToken ct)
    {
        var run = await db.BillingRuns.AsNoTracking().FirstAsync(r => r.Id == runId, ct);
        if (run.Status != BillingRunStatus.Issuing)
        {
            return true;
        }
        var prefix = run.KeyPrefix;
        var after = run.IssueCursor ?? Guid.Empty;
        var batch = await db.Invoices.AsNoTracking()
            .Where(i => i.Status == InvoiceStatus.Draft && i.SourceKey != null && i.SourceKey.StartsWith(prefix) && i.Id.CompareTo(after) > 0)
            .OrderBy(i => i.Id).Select(i => i.Id).Take(batchSize).ToListAsync(ct);
        foreach (var id in batch)
        {
            var issued = await issue.IssueAsync(id, run.IssueRequestedByUserId ?? run.StartedByUserId, ct);
            db.ChangeTracker.Clear();
            if (issued.IsOk)
            {
                await mail.SendAsync(id, ct);
                db.ChangeTracker.Clear();
            }
            await SaveAsync(runId, r => r.Issued(id, issued.IsOk), ct);
        }
        var finished = batch.Count < batchSize;
        if (finished)
        {
            var counts = await db.Invoices.Where(i => i.SourceKey != null && i.SourceKey.StartsWith(prefix))
                .GroupBy(i => i.Status).Select(g => new { Status = g.Key, Count = g.Count() })
                .ToDictionaryAsync(g => g.Status, g => g.Count, ct);
            await SaveAsync(runId, r => r.IssuingDone(counts.GetValueOrDefault(InvoiceStatus.Issued), counts.GetValueOrDefault(InvoiceStatus.Draft), clock.GetUtcNow().UtcDateTime), ct);
        }
        return finished;
    }

    private async Task SaveAsync(Guid runId, Action<BillingRun> change, CancellationToken ct)
    {
        var run = await db.BillingRuns.FirstAsync(r => r.Id == runId, ct);
        change(run);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }
}
