using Cotravail.Common.Audit;
using Cotravail.Common.Database;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Billing;

/// Reads and changes the seller's invoicing terms (GET/PUT /api/v1/billing/terms and /admin/billing/terms).
/// Documents already issued keep the terms they were issued with.
internal static class ChangeTerms
{
    public static async Task<TermsInput> ReadAsync(AppDb db, CancellationToken ct) =>
        TermsInput.From(await db.BillingTerms.AsNoTracking().SingleOrDefaultAsync(t => t.Id == BillingTerms.SellerId, ct) ?? new BillingTerms());

    public static async Task<TermsInput> HandleAsync(TermsInput input, AppDb db, AuditTrail audit, CancellationToken ct)
    {
        var terms = await db.BillingTerms.SingleOrDefaultAsync(t => t.Id == BillingTerms.SellerId, ct);
        if (terms is null)
        {
            terms = new BillingTerms();
            db.BillingTerms.Add(terms);
        }
        input.ApplyTo(terms);
        audit.Record(AuditActions.BillingTermsChanged, "billing-terms");
        await db.SaveChangesAsync(ct);
        return TermsInput.From(terms);
    }
}
