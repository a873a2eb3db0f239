using Cotravail.Common.Audit;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Billing;

/// Deletes a draft; an issued document is refused here and by the database.
internal static class DeleteDraft
{
    public static async Task<Result<bool>> HandleAsync(Guid id, AppDb db, AccessScope scope, AuditTrail audit, CancellationToken ct)
    {
        var invoice = await db.Invoices.Include(i => i.Lines).Include(i => i.VatBreakdown).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (invoice is null || !scope.CanSee(invoice.LocationId))
        {
            return new NotFound("Invoice or credit note");
        }
        if (!scope.CanManage(invoice.LocationId))
        {
            return new Forbidden();
        }
        if (!invoice.IsDraft)
        {
            return new Conflict("", BillingMessages.AlreadyIssued);
        }
        db.Invoices.Remove(invoice);
        audit.Record(AuditActions.InvoiceDraftDeleted, "invoice", invoice.Id, invoice.LocationId, invoice.BuyerName);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
