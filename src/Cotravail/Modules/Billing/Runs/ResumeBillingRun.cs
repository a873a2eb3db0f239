using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Billing;

/// Continues a stopped or failed run where its last batch ended (the API's /resume and the run's page).
internal sealed class ResumeBillingRun(AppDb db, BillingRunQueue queue)
{
    public async Task<Result<BillingRun>> HandleAsync(Guid id, CancellationToken ct)
    {
        var run = await db.BillingRuns.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (run is null)
        {
            return new NotFound("Billing run");
        }
        run.Resume();
        await db.SaveChangesAsync(ct);
        if (run.Unfinished)
        {
            queue.Post(run.Id);
        }
        return run;
    }
}
