using Cotravail.Common;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;

namespace Cotravail.Modules.Companies;

internal static class ListCompanies
{
    internal sealed record Query(string? Search, bool? Active, string? Sort, int? Page, int? PageSize);

    public static async Task<Page<CompanyResponse>> HandleAsync(Query query, AppDb db, ICompanyPeople people, AccessScope scope, CancellationToken ct)
    {
        var companies = db.Companies.VisibleTo(scope);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToLower();
            companies = companies.Where(c => c.LegalName.ToLower().Contains(term) || c.City.ToLower().Contains(term) || c.Siren == term);
        }
        if (query.Active is { } active)
        {
            companies = companies.Where(c => c.IsActive == active);
        }
        companies = query.Sort switch
        {
            "-name" => companies.OrderByDescending(c => c.LegalName),
            "city" => companies.OrderBy(c => c.City).ThenBy(c => c.LegalName),
            "-city" => companies.OrderByDescending(c => c.City).ThenBy(c => c.LegalName),
            _ => companies.OrderBy(c => c.LegalName),
        };
        return await companies.ToResponses(people.Query(db)).ToPageAsync(PageRequest.Of(query.Page, query.PageSize), ct);
    }
}
