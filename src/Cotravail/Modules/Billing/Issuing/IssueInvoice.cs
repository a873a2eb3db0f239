using Cotravail.Common.Auth;
using Cotravail.Common.Audit;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Network;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Billing;

/// Issues a draft invoice or credit note: in one transaction it takes the next link of the seller's
/// chain (the issuing lock), the next number of its series and today's date (never before the last
/// one), snapshots the seller, seals the footprint and commits; any failure before the commit gives
/// the number back, so the series has no gap (ADR 18). The PDF and the email follow the commit.
internal sealed class IssueInvoice(AppDb db, AuditTrail audit, TimeProvider clock, InvoiceMail mail, InvoiceDocuments documents)
{
    public async Task<Result<InvoiceResponse>> HandleAsync(Guid id, AccessScope scope, CancellationToken ct)
    {
        var found = await db.Invoices.AsNoTracking().Where(i => i.Id == id).Select(i => new { i.LocationId, i.Status }).FirstOrDefaultAsync(ct);
        if (found is null || !scope.CanSee(found.LocationId))
        {
            return new NotFound("Invoice or credit note");
        }
        if (!scope.CanManage(found.LocationId))
        {
            return new Forbidden();
        }
        var result = await IssueAsync(id, scope.UserId!.Value, ct);
        if (!result.IsOk)
        {
            return result.Error;
        }
        await documents.GetOrRenderAsync(id, ct);
        await mail.SendAsync(id, ct);
        return (await InvoiceQueries.ResponseAsync(db, id, clock, ct))!;
    }

    /// The transaction alone, for billing runs and tests: no access check.
    public async Task<Result<Invoice>> IssueAsync(Guid id, Guid userId, CancellationToken ct)
    {
        using var gate = await SqliteWriteGate.EnterAsync(db, ct);
        await IssuingSql.PrepareAsync(db, ct);
        // What needs no lock is read first, so the issuing lock is held for as few round trips as possible.
        var invoice = await db.Invoices.Include(i => i.Lines).Include(i => i.VatBreakdown).FirstAsync(i => i.Id == id, ct);
        if (!invoice.IsDraft)
        {
            return new Conflict("", BillingMessages.AlreadyIssued);
        }
        if (Incomplete(invoice) is { } problem)
        {
            return problem;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var zone = await db.Locations.Where(l => l.Id == invoice.LocationId).Select(l => l.TimeZone).FirstAsync(ct);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, TimeZoneInfo.FindSystemTimeZoneById(zone)));
        var terms = await db.BillingTerms.AsNoTracking().SingleOrDefaultAsync(t => t.Id == BillingTerms.SellerId, ct) ?? new BillingTerms();
        var seller = await SellerAsync(terms, ct);
        if (string.IsNullOrWhiteSpace(seller.LegalName) || string.IsNullOrWhiteSpace(seller.Street) || string.IsNullOrWhiteSpace(seller.City)
            || (string.IsNullOrWhiteSpace(seller.Siren) && string.IsNullOrWhiteSpace(seller.Siret)))
        {
            return new Invalid("Seller", BillingMessages.SellerIncomplete);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // The chain's row is the issuing lock: what follows reads what the previous issue committed (a new statement,
        // a new snapshot under READ COMMITTED), so a draft issued meanwhile, or a line credited meanwhile, is seen.
        var (index, previous) = await IssuingSql.NextLinkAsync(db, BillingTerms.SellerId, ct);
        if (await db.Invoices.AsNoTracking().Where(i => i.Id == id).Select(i => i.Status).FirstAsync(ct) != InvoiceStatus.Draft)
        {
            return new Conflict("", BillingMessages.AlreadyIssued);
        }
        if (invoice.Kind == DocumentKind.CreditNote && await CreditNotes.OvercreditedAsync(db, invoice, ct))
        {
            return new Invalid("Lines", BillingMessages.MoreThanInvoiced);
        }
        var (number, issueDate) = await IssuingSql.NextNumberAsync(db, BillingTerms.SellerId, invoice.Series, today, ct);
        invoice.Issue(number, issueDate, terms.PaymentDays, seller, index, previous, userId, now);
        await IssuingSql.SealAsync(db, BillingTerms.SellerId, invoice.Footprint!, ct);
        audit.Record(AuditActions.InvoiceIssued, "invoice", invoice.Id, invoice.LocationId, invoice.Number);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return invoice;
    }

    /// What the law or the ledger needs of the document itself before a number is given.
    private static Error? Incomplete(Invoice invoice) =>
        invoice.Lines.Count == 0 ? new Invalid("Lines", BillingMessages.NoLines)
        : invoice.GrossTotalCents == 0 ? new Invalid("Lines", BillingMessages.ZeroTotal)
        : string.IsNullOrWhiteSpace(invoice.BuyerName) || string.IsNullOrWhiteSpace(invoice.BuyerStreet) || string.IsNullOrWhiteSpace(invoice.BuyerCity)
            ? new Invalid("BuyerStreet", BillingMessages.BuyerAddressMissing)
            : null;

    private async Task<SellerSnapshot> SellerAsync(BillingTerms t, CancellationToken ct)
    {
        var n = await db.NetworkRow.AsNoTracking().SingleOrDefaultAsync(ct) ?? new NetworkProfile();
        return new SellerSnapshot(n.LegalName, n.LegalForm, n.ShareCapital, n.Street, n.PostalCode, n.City, n.CountryCode, n.Siren, n.Siret, n.RcsCity, n.VatNumber,
            n.VatFranchise, t.VatOnDebits, n.Email, t.LatePenaltyMilliPercent, t.EarlyPaymentDiscount, t.PaymentTerms);
    }
}
