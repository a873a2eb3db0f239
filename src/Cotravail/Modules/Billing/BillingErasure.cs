using Cotravail.Modules.Privacy.Erasure;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Billing;

/// Invoices, credit notes, their lines and payments are kept on purpose when a person is erased: the
/// law requires them for 10 years (Code de commerce L123-22; GDPR art. 17(3)(b)), and an issued
/// document cannot change anyway (ADR 6, ADR 18). Drafts are deleted: nothing obliges to keep them.
/// Charges billed on an issued invoice are part of that record and kept; the member's own charges not
/// billed yet (pending, or on a deleted draft) are deleted. Billing runs are the seller's records, kept.
internal sealed class BillingErasure : IErasureStep
{
    public IReadOnlyCollection<string> Tables { get; } = ["Invoices", "InvoiceLines", "Payments", "Charges", "BillingRuns"];

    public async Task EraseAsync(ErasureContext context, CancellationToken ct)
    {
        if (context.Subject.MemberId is not { } memberId)
        {
            return;
        }
        var drafts = context.Db.Invoices.Where(i => i.Status == InvoiceStatus.Draft && i.MemberId == memberId && i.CompanyId == null);
        var draftLines = context.Db.InvoiceLines.Where(l => drafts.Any(d => d.Id == l.InvoiceId)).Select(l => (Guid?)l.Id);
        var unbilled = context.Db.Charges.Where(c => c.MemberId == memberId && c.CompanyId == null && (c.InvoiceLineId == null || draftLines.Contains(c.InvoiceLineId)));
        context.Db.Charges.RemoveRange(await unbilled.ToListAsync(ct));
        context.Db.Invoices.RemoveRange(await drafts.ToListAsync(ct));
    }
}
