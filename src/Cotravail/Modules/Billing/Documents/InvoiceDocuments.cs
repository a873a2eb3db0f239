using Cotravail.Common.Database;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Billing;

/// The PDF of an issued document: rendered once from its stored, sealed data and kept with its hash.
/// Issuing renders it right after the commit; a document whose rendering was cut short (a crash just
/// after the commit) is rendered on its first download instead, from the same data.
internal sealed class InvoiceDocuments(AppDb db, InvoicePdf pdf, TimeProvider clock)
{
    public async Task<InvoiceDocument?> GetOrRenderAsync(Guid id, CancellationToken ct)
    {
        if (await db.InvoiceDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.InvoiceId == id, ct) is { } stored)
        {
            return stored;
        }
        var invoice = await db.Invoices.AsNoTracking().AsSplitQuery().Include(i => i.Lines).Include(i => i.VatBreakdown).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (invoice is not { Status: InvoiceStatus.Issued })
        {
            return null;
        }
        var print = PrintOf(invoice);
        var document = new InvoiceDocument(id, InvoicePdf.FileName(print), pdf.Render(print), clock.GetUtcNow().UtcDateTime);
        db.InvoiceDocuments.Add(document);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Matches(e))
        {
            // Rendered at the same moment by another request: theirs is kept, as stored.
            db.ChangeTracker.Clear();
            return await db.InvoiceDocuments.AsNoTracking().FirstAsync(d => d.InvoiceId == id, ct);
        }
        return document;
    }

    /// What the PDF prints, all of it from the sealed document (never from today's settings).
    public static InvoicePrint PrintOf(Invoice d)
    {
        var s = d.Seller!;
        return new InvoicePrint(
            d.Kind, d.Number!, d.IssueDate!.Value, d.DueDate, d.PeriodStart, d.PeriodEnd, d.Currency, d.Language,
            new PrintSeller(s.LegalName, s.LegalForm, s.ShareCapital, s.Street, s.PostalCode, s.City, s.CountryCode, s.Siren, s.Siret, s.RcsCity, s.VatNumber,
                s.VatFranchise, s.VatOnDebits, s.Email),
            new PrintBuyer(d.BuyerName, d.BuyerStreet, d.BuyerPostalCode, d.BuyerCity, d.BuyerCountryCode, d.BuyerSiren, d.BuyerVatNumber, null),
            [.. d.Lines.OrderBy(l => l.Position).Select(l => new PrintLine(l.Description, l.Quantity, l.UnitPriceCents, l.DiscountCents, l.NetCents, l.VatMilliPercent,
                l.PeriodStart, l.PeriodEnd))],
            [.. d.VatBreakdown.OrderByDescending(v => v.VatMilliPercent).Select(v => new PrintVat(v.VatMilliPercent, v.TaxableCents, v.VatCents))],
            d.NetTotalCents, d.VatTotalCents, d.GrossTotalCents, d.GrossTotalCents,
            s.LatePenaltyMilliPercent, s.EarlyPaymentDiscount, s.PaymentTerms, d.CorrectsNumber, d.CorrectsIssueDate, d.Footprint!);
    }
}
