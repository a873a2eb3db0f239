using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Companies;

internal static class CompanyAccess
{
    /// Companies are network-wide billing entities: staff see them all; a company admin sees their own.
    public static IQueryable<Company> VisibleTo(this IQueryable<Company> companies, AccessScope scope)
    {
        if (scope.IsStaff)
        {
            return companies;
        }
        var own = scope.CompanyAdminOf;
        return companies.Where(c => own != null && c.Id == own);
    }

    public static IQueryable<CompanyResponse> ToResponses(this IQueryable<Company> companies, AppDb db) =>
        companies.Select(c => new CompanyResponse(
            c.Id, c.LegalName, c.Siren, c.VatNumber, c.Street, c.PostalCode, c.City, c.CountryCode, c.BillingContactName, c.BillingEmail,
            db.Members.Count(m => m.CompanyId == c.Id),
            db.Members.Count(m => m.CompanyId == c.Id && m.BilledToCompany),
            c.IsActive));

    public static Task<CompanyResponse> ResponseAsync(AppDb db, Guid id, CancellationToken ct) =>
        db.Companies.Where(c => c.Id == id).ToResponses(db).FirstAsync(ct);
}
