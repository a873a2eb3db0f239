using Cotravail.Common.Audit;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Billing;

/// Staff reviewed a drafted run's invoices: issue them in the background (the API's /issue and the run's page).
internal sealed class IssueBillingRun(AppDb db, BillingRunQueue queue, AuditTrail audit)
{
    public async Task<Result<BillingRun>> HandleAsync(Guid id, AccessScope scope, CancellationToken ct)
    {
        var run = await db.BillingRuns.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (run is null)
        {
            return new NotFound("Billing run");
        }
        if (!run.RequestIssue(scope.UserId!.Value))
        {
            return new Conflict("", ChargeMessages.NotDrafted);
        }
        audit.Record(AuditActions.BillingRunIssueRequested, "billing-run", run.Id, null, run.Period);
        await db.SaveChangesAsync(ct);
        queue.Post(run.Id);
        return run;
    }
}
