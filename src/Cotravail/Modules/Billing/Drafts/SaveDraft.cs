using Cotravail.Common;
using System.ComponentModel.DataAnnotations;
using Cotravail.Common.Audit;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Modules.Companies;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Members;
using Cotravail.Modules.Network;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Billing;

/// Creates or replaces a draft invoice typed by staff (a one-off invoice: a product, a service, a fee).
/// Everything is checked before anything is written; an issued document is never a draft again.
internal sealed class SaveDraft(AppDb db, AuditTrail audit, TimeProvider clock)
{
    public async Task<Result<Guid>> HandleAsync(Guid? id, DraftInput input, AccessScope scope, CancellationToken ct)
    {
        var invoice = id is { } existing ? await db.Invoices.FirstOrDefaultAsync(i => i.Id == existing, ct) : null;
        if (id is not null && (invoice is null || !scope.CanSee(invoice.LocationId)))
        {
            return new NotFound("Invoice or credit note");
        }
        if (invoice is { IsDraft: false })
        {
            return new Conflict("", BillingMessages.AlreadyIssued);
        }
        var location = await db.Locations.AsNoTracking().FirstOrDefaultAsync(l => l.Id == input.LocationId, ct);
        if (location is null)
        {
            return new Invalid(nameof(DraftInput.LocationId), "Not found.");
        }
        if (!scope.CanManage(location.Id) || (invoice is not null && !scope.CanManage(invoice.LocationId)))
        {
            return new Forbidden();
        }
        var buyer = await BuyerAsync(input, ct);
        if (!buyer.IsOk)
        {
            return buyer.Error;
        }
        if (!DateText.TryParseOptional(input.PeriodStart, out var start))
        {
            return new Invalid(nameof(DraftInput.PeriodStart), BillingMessages.NotADate);
        }
        if (!DateText.TryParseOptional(input.PeriodEnd, out var end))
        {
            return new Invalid(nameof(DraftInput.PeriodEnd), BillingMessages.NotADate);
        }
        if (start is { } s && end is { } e && e < s)
        {
            return new Invalid(nameof(DraftInput.PeriodEnd), BillingMessages.PeriodBackwards);
        }
        var franchise = await db.NetworkRow.Select(n => n.VatFranchise).SingleOrDefaultAsync(ct);
        var lines = new List<InvoiceLine>();
        for (var i = 0; i < input.Lines.Count; i++)
        {
            var line = input.Lines[i];
            var results = new List<ValidationResult>();
            if (!Validator.TryValidateObject(line, new ValidationContext(line), results, validateAllProperties: true))
            {
                return new Invalid($"lines[{i}].{Camel(results[0].MemberNames.FirstOrDefault() ?? "")}", results[0].ErrorMessage ?? Messages.Format);
            }
            var rate = VatRate.MilliPercentOf(line.VatPercent);
            if (franchise ? rate != 0 : !location.VatRates.Any(r => r.MilliPercent == rate))
            {
                return new Invalid($"lines[{i}].vatPercent", BillingMessages.UnknownVatRate);
            }
            var unit = Cents(line.UnitPrice);
            var discount = Cents(line.Discount);
            if (discount > Math.Round(unit * line.Quantity, MidpointRounding.AwayFromZero))
            {
                return new Invalid($"lines[{i}].discount", BillingMessages.DiscountTooLarge);
            }
            lines.Add(new InvoiceLine(line.Description.Trim(), line.Quantity, unit, discount, rate, start, end, line.MemberId));
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var language = input.Language ?? "fr";
        if (invoice is null)
        {
            invoice = Invoice.Draft(location.Id, buyer.Value, location.Currency, language, scope.UserId!.Value, now);
            db.Invoices.Add(invoice);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (id is not null)
        {
            // The draft's lines are replaced whole: deleted in SQL, so the new rows (same VAT keys) are plain inserts.
            await db.InvoiceLines.Where(l => l.InvoiceId == invoice.Id).ExecuteDeleteAsync(ct);
            await db.Set<InvoiceVat>().Where(v => v.InvoiceId == invoice.Id).ExecuteDeleteAsync(ct);
            invoice.SetBuyer(buyer.Value);
        }
        invoice.SetPeriod(start, end, language);
        invoice.SetLines(lines);
        db.AddRange(invoice.Lines);
        db.AddRange(invoice.VatBreakdown);
        audit.Record(id is null ? AuditActions.InvoiceDrafted : AuditActions.InvoiceDraftChanged, "invoice", invoice.Id, invoice.LocationId, invoice.BuyerName);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return invoice.Id;
    }

    /// The company's identity when it pays (for itself or for its member), else the member's with their billing
    /// address; typed fields win.
    internal async Task<Result<Buyer>> BuyerAsync(DraftInput input, CancellationToken ct)
    {
        Guid? memberId = null;
        var companyId = input.CompanyId;
        string name = "", email = "";
        string street = "", postal = "", city = "", country = "FR";
        if (input.MemberId is { } mid)
        {
            var member = await db.Members.AsNoTracking().Where(m => m.Id == mid)
                .Select(m => new { m.Id, m.FirstName, m.LastName, m.Email, m.CompanyId, m.BilledToCompany, m.Street, m.PostalCode, m.City, m.CountryCode })
                .FirstOrDefaultAsync(ct);
            if (member is null)
            {
                return new Invalid(nameof(DraftInput.MemberId), "Not found.");
            }
            (memberId, name, email) = (member.Id, $"{member.FirstName} {member.LastName}", member.Email);
            (street, postal, city, country) = (member.Street ?? "", member.PostalCode ?? "", member.City ?? "", member.CountryCode ?? "FR");
            companyId ??= member.BilledToCompany ? member.CompanyId : null;
        }
        string? siren = null, vat = null;
        if (companyId is { } cid)
        {
            var company = await db.Companies.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cid, ct);
            if (company is null)
            {
                return new Invalid(nameof(DraftInput.CompanyId), "Not found.");
            }
            (name, street, postal, city, country, siren, vat, email) =
                (company.LegalName, company.Street, company.PostalCode, company.City, company.CountryCode, company.Siren, company.VatNumber, company.BillingEmail);
        }
        if (memberId is null && companyId is null && string.IsNullOrWhiteSpace(input.BuyerName))
        {
            return new Invalid(nameof(DraftInput.MemberId), BillingMessages.NoCustomer);
        }
        return new Buyer(memberId, companyId, Typed(input.BuyerName) ?? name, Typed(input.BuyerStreet) ?? street, Typed(input.BuyerPostalCode) ?? postal,
            Typed(input.BuyerCity) ?? city, Typed(input.BuyerCountryCode) ?? country, siren, vat, string.IsNullOrWhiteSpace(email) ? null : email);
    }

    private static string? Typed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static long Cents(decimal major) => (long)Math.Round(major * 100, MidpointRounding.AwayFromZero);

    private static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
