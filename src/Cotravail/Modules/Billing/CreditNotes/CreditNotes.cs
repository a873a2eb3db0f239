using Cotravail.Common.Database;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Billing;

internal static class CreditNotes
{
    /// Whether this credit note, with the credit notes already issued, credits a line of its invoice
    /// beyond its quantity. Asked inside the issuing transaction, which runs one at a time per seller.
    public static async Task<bool> OvercreditedAsync(AppDb db, Invoice creditNote, CancellationToken ct)
    {
        var lineIds = creditNote.Lines.Select(l => l.CreditsLineId).OfType<Guid>().ToList();
        var invoiced = await db.InvoiceLines.AsNoTracking().Where(l => lineIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, l => l.Quantity, ct);
        var alreadyCredited = await (
            from l in db.InvoiceLines.AsNoTracking()
            join i in db.Invoices on l.InvoiceId equals i.Id
            where i.Status == InvoiceStatus.Issued && l.CreditsLineId != null && lineIds.Contains(l.CreditsLineId.Value)
            select new { Line = l.CreditsLineId!.Value, l.Quantity }).ToListAsync(ct);
        return creditNote.Lines.GroupBy(l => l.CreditsLineId).Any(g => g.Key is not { } line || !invoiced.TryGetValue(line, out var quantity)
            || g.Sum(l => l.Quantity) + alreadyCredited.Where(c => c.Line == line).Sum(c => c.Quantity) > quantity);
    }
}
