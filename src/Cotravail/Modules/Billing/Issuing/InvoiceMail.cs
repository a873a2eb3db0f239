using Cotravail.Common;
using Cotravail.Common.Database;
using Cotravail.Common.Email;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Billing;

/// Tells the customer that an invoice or credit note is issued, in the document's language, once the
/// issuing transaction has committed (a rollback sends nothing).
internal sealed class InvoiceMail(AppDb db, Outbox outbox, SiteLinks links)
{
    public async Task SendAsync(Guid id, CancellationToken ct)
    {
        var d = await db.Invoices.AsNoTracking().Where(i => i.Id == id)
            .Select(i => new { i.Kind, i.Number, i.BuyerEmail, i.BuyerName, i.GrossTotalCents, i.Currency, i.DueDate, i.Language }).FirstAsync(ct);
        if (d.BuyerEmail is not { Length: > 0 } to)
        {
            return;
        }
        // The customer's invoices page lists the member's own and, for a company's admin, the company's.
        var link = links.Absolute("/me/invoices");
        outbox.Enqueue(to, d.Language, l =>
        {
            var amount = new Money(d.GrossTotalCents, d.Currency).ToString();
            var subject = d.Kind == DocumentKind.Invoice ? l["Invoice {0}", d.Number!].Value : l["Credit note {0}", d.Number!].Value;
            var text = string.Join("\n\n",
                l["Hello {0},", d.BuyerName],
                d.Kind == DocumentKind.Invoice
                    ? l["Your invoice {0} of {1} is issued; it is due on {2:d}.", d.Number!, amount, d.DueDate!.Value.ToDateTime(TimeOnly.MinValue)]
                    : l["A credit note {0} of {1} is issued for you.", d.Number!, amount],
                l["See it and download it:"],
                link);
            return new EmailContent(subject, text);
        });
        await db.SaveChangesAsync(ct);
    }
}
