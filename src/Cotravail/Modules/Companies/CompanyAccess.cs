using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
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

    /// Who may change a company: network admins any; a manager only those with a member whose home location
    /// they manage (a company is network-wide, but its people belong somewhere); hosts and members none.
    public static IQueryable<Company> EditableBy(this IQueryable<Company> companies, IQueryable<CompanyPerson> people, AccessScope scope)
    {
        if (scope.IsNetworkAdmin)
        {
            return companies;
        }
        var managed = scope.ManagedLocations.ToList();
        return companies.Where(c => people.Any(m => m.CompanyId == c.Id && managed.Contains(m.HomeLocationId)));
    }

    /// A company to change: not visible is 404, visible but not the caller's to change is 403 (ADR 4).
    public static async Task<Result<Company>> FindEditableAsync(AppDb db, ICompanyPeople people, Guid id, AccessScope scope, CancellationToken ct)
    {
        var company = await db.Companies.VisibleTo(scope).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (company is null)
        {
            return new NotFound("Company");
        }
        if (!await db.Companies.EditableBy(people.Query(db), scope).AnyAsync(c => c.Id == id, ct))
        {
            return new Forbidden();
        }
        return company;
    }

    public static IQueryable<CompanyResponse> ToResponses(this IQueryable<Company> companies, IQueryable<CompanyPerson> people) =>
        companies.Select(c => new CompanyResponse(
            c.Id, c.LegalName, c.Siren, c.VatNumber, c.Street, c.PostalCode, c.City, c.CountryCode, c.BillingContactName, c.BillingEmail,
            people.Count(m => m.CompanyId == c.Id),
            people.Count(m => m.CompanyId == c.Id && m.BilledToCompany),
            c.IsActive));

    public static Task<CompanyResponse> ResponseAsync(AppDb db, ICompanyPeople people, Guid id, CancellationToken ct) =>
        db.Companies.Where(c => c.Id == id).ToResponses(people.Query(db)).FirstAsync(ct);
}
