using System.ComponentModel.DataAnnotations;
using Cotravail.Common.Audit;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Billing;

/// Drafts a credit note for an issued invoice: every line still credit-able, or the lines named (with a
/// quantity each, by default what is left). It carries the invoice's prices and VAT rates, never
/// today's, and is issued like an invoice (its own series, the same chain).
internal sealed class DraftCreditNote(AppDb db, AuditTrail audit, TimeProvider clock)
{
    internal sealed record Request
    {
        /// Why: printed on the credit note.
        [StringLength(500, ErrorMessage = Messages.TooLong), Display(Name = "Reason")]
        public string? Reason { get; init; }

        /// The lines to credit; none: all of the invoice that is not credited yet.
        [MaxLength(500, ErrorMessage = Messages.TooLong)]
        public List<CreditedLine>? Lines { get; init; }
    }

    internal sealed record CreditedLine(Guid LineId, decimal? Quantity);

    public async Task<Result<Guid>> HandleAsync(Guid invoiceId, Request request, AccessScope scope, CancellationToken ct)
    {
        var invoice = await db.Invoices.AsNoTracking().Include(i => i.Lines).FirstOrDefaultAsync(i => i.Id == invoiceId, ct);
        if (invoice is null || !scope.CanSee(invoice.LocationId))
        {
            return new NotFound("Invoice or credit note");
        }
        if (!scope.CanManage(invoice.LocationId))
        {
            return new Forbidden();
        }
        if (invoice.Kind != DocumentKind.Invoice || invoice.IsDraft)
        {
            return new Conflict("", BillingMessages.NotAnInvoice);
        }
        var credited = await CreditedAsync(db, [.. invoice.Lines.Select(l => l.Id)], ct);
        decimal Left(InvoiceLine line) => line.Quantity - credited.GetValueOrDefault(line.Id);
        var chosen = new List<(InvoiceLine, decimal)>();
        if (request.Lines is not { Count: > 0 })
        {
            chosen.AddRange(invoice.Lines.Where(l => Left(l) > 0).Select(l => (l, Left(l))));
        }
        for (var i = 0; request.Lines is { } wanted && i < wanted.Count; i++)
        {
            var line = invoice.Lines.FirstOrDefault(l => l.Id == wanted[i].LineId);
            if (line is null)
            {
                return new Invalid($"lines[{i}].lineId", BillingMessages.UnknownLine);
            }
            var quantity = wanted[i].Quantity ?? Left(line);
            if (quantity <= 0 || quantity > Left(line) || decimal.Round(quantity, 3) != quantity)
            {
                return new Invalid($"lines[{i}].quantity", BillingMessages.MoreThanInvoiced);
            }
            chosen.Add((line, quantity));
        }
        if (chosen.Count == 0)
        {
            return new Invalid("lines", BillingMessages.MoreThanInvoiced);
        }
        var note = Invoice.CreditNoteFor(invoice, chosen, request.Reason?.Trim(), scope.UserId!.Value, clock.GetUtcNow().UtcDateTime);
        db.Invoices.Add(note);
        audit.Record(AuditActions.InvoiceDrafted, "invoice", note.Id, note.LocationId, $"credit note for {invoice.Number}");
        await db.SaveChangesAsync(ct);
        return note.Id;
    }

    /// The quantity of each invoice line that issued credit notes already credit (what the form offers is the rest).
    public static async Task<Dictionary<Guid, decimal>> CreditedAsync(AppDb db, IReadOnlyList<Guid> lineIds, CancellationToken ct) =>
        (await (
                from l in db.InvoiceLines.AsNoTracking()
                join c in db.Invoices on l.InvoiceId equals c.Id
                where c.Status == InvoiceStatus.Issued && l.CreditsLineId != null && lineIds.Contains(l.CreditsLineId.Value)
                select new { Line = l.CreditsLineId!.Value, l.Quantity }).ToListAsync(ct))
            .GroupBy(c => c.Line).ToDictionary(g => g.Key, g => g.Sum(c => c.Quantity));
}
