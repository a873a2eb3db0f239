using System.ComponentModel.DataAnnotations;
using Cotravail.Common.Audit;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Billing;

/// Starts billing a month (POST /api/v1/billing/runs and the form of /admin/billing/runs): one run per month
/// unless cancelled; the BillingRunWorker collects and drafts in the background.
internal sealed class StartBillingRun(AppDb db, BillingRunQueue queue, AuditTrail audit, TimeProvider clock)
{
    internal sealed record Request
    {
        /// The month to bill, "2026-11".
        [Required(ErrorMessage = Messages.Required), RegularExpression(BillingPeriod.Pattern, ErrorMessage = ChargeMessages.NotAPeriod), Display(Name = "Period")]
        public string? Period { get; init; }
    }

    /// The month before today's (UTC): what a run usually bills.
    public static string PreviousMonth(TimeProvider clock)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return BillingPeriod.Of(today.AddMonths(-1)).ToString();
    }

    public async Task<Result<BillingRun>> HandleAsync(Request request, AccessScope scope, CancellationToken ct)
    {
        var period = request.Period!.Trim();
        if (await db.BillingRuns.AnyAsync(r => r.Period == period && r.Status != BillingRunStatus.Cancelled, ct))
        {
            return new Conflict(nameof(Request.Period), ChargeMessages.RunExists);
        }
        var run = new BillingRun(period, scope.UserId!.Value, clock.GetUtcNow().UtcDateTime);
        db.BillingRuns.Add(run);
        audit.Record(AuditActions.BillingRunStarted, "billing-run", run.Id, null, period);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Matches(e))
        {
            return new Conflict(nameof(Request.Period), ChargeMessages.RunExists);
        }
        queue.Post(run.Id);
        return run;
    }
}
