using Cotravail.Common;
using System.ComponentModel.DataAnnotations;
using Cotravail.Common.Audit;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Billing;

/// Records money received (or refunded) against an issued invoice. Two payments recorded at once are
/// checked one after the other (the invoice's row is locked on PostgreSQL, the single writer on
/// SQLite), so what is left to pay never goes below zero by a payment, only by a credit note.
internal sealed class RecordPayment(AppDb db, AuditTrail audit, TimeProvider clock)
{
    internal sealed record Request
    {
        /// In the currency's major unit; negative for a refund.
        [Range(typeof(decimal), "-1000000", "1000000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true, ErrorMessage = Messages.Range),
         Display(Name = "Amount")]
        public decimal Amount { get; init; }

        [Required(ErrorMessage = Messages.Required), Display(Name = "Method")]
        public PaymentMethod? Method { get; init; }

        /// The local date it was received, e.g. "2026-12-01"; empty: today.
        [StringLength(10, ErrorMessage = Messages.TooLong), Display(Name = "Received on")]
        public string? ReceivedOn { get; init; }

        [StringLength(200, ErrorMessage = Messages.TooLong), Display(Name = "Reference")]
        public string? Reference { get; init; }
    }

    public async Task<Result<Guid>> HandleAsync(Guid invoiceId, Request request, AccessScope scope, CancellationToken ct)
    {
        var found = await db.Invoices.AsNoTracking().Where(i => i.Id == invoiceId).Select(i => new { i.LocationId }).FirstOrDefaultAsync(ct);
        if (found is null || !scope.CanSee(found.LocationId))
        {
            return new NotFound("Invoice or credit note");
        }
        if (!scope.CanManage(found.LocationId))
        {
            return new Forbidden();
        }
        var cents = (long)Math.Round(request.Amount * 100, MidpointRounding.AwayFromZero);
        if (cents == 0)
        {
            return new Invalid(nameof(Request.Amount), Messages.Range);
        }
        var today = (await InvoiceQueries.TodaysAsync(db, [found.LocationId], clock, ct))[found.LocationId];
        var receivedOn = today;
        if (!string.IsNullOrWhiteSpace(request.ReceivedOn) &&
            (!DateText.TryParse(request.ReceivedOn, out receivedOn) || receivedOn > today))
        {
            return new Invalid(nameof(Request.ReceivedOn), BillingMessages.NotADate);
        }
        using var gate = await SqliteWriteGate.EnterAsync(db, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var invoice = db.IsPostgres
            ? await db.Invoices.FromSqlRaw("""SELECT * FROM "Invoices" WHERE "Id" = {0} FOR UPDATE""", invoiceId).AsNoTracking().SingleAsync(ct)
            : await db.Invoices.AsNoTracking().FirstAsync(i => i.Id == invoiceId, ct);
        if (invoice.Kind != DocumentKind.Invoice || invoice.IsDraft)
        {
            return new Conflict("", BillingMessages.NotAnInvoice);
        }
        var credited = await db.Invoices.Where(c => c.CorrectsInvoiceId == invoiceId && c.Status == InvoiceStatus.Issued).SumAsync(c => (long?)c.GrossTotalCents, ct) ?? 0;
        var paid = await db.Payments.Where(p => p.InvoiceId == invoiceId).SumAsync(p => (long?)p.AmountCents, ct) ?? 0;
        if (cents > 0 && cents > invoice.GrossTotalCents - credited - paid)
        {
            return new Invalid(nameof(Request.Amount), BillingMessages.Overpaid);
        }
        if (cents < 0 && -cents > paid)
        {
            return new Invalid(nameof(Request.Amount), BillingMessages.RefundTooLarge);
        }
        var payment = new Payment(invoiceId, cents, invoice.Currency, request.Method!.Value, receivedOn, request.Reference?.Trim(), scope.UserId!.Value,
            clock.GetUtcNow().UtcDateTime);
        db.Payments.Add(payment);
        audit.Record(AuditActions.PaymentRecorded, "invoice", invoiceId, invoice.LocationId, $"{cents} {invoice.Currency} {payment.Method}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return payment.Id;
    }
}
