using Cotravail.Common;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;

namespace Cotravail.Modules.Members;

/// GET /api/v1/members and the back-office directory of members.
internal static class ListMembers
{
    internal sealed record Query(Guid? LocationId, Guid? CompanyId, MemberCategory? Category, string? Search, bool? Active, string? Sort, int? Page, int? PageSize);

    public static async Task<Page<MemberResponse>> HandleAsync(Query query, AppDb db, AccessScope scope, CancellationToken ct) =>
        await Filter(query, db.Members.VisibleTo(scope)).ToResponses(db).ToPageAsync(PageRequest.Of(query.Page, query.PageSize), ct);

    /// The query's filters and sort order, shared with the CSV export.
    public static IQueryable<Member> Filter(Query query, IQueryable<Member> members)
    {
        if (query.LocationId is { } locationId)
        {
            members = members.Where(m => m.HomeLocationId == locationId);
        }
        if (query.CompanyId is { } companyId)
        {
            members = members.Where(m => m.CompanyId == companyId);
        }
        if (query.Category is { } category)
        {
            members = members.Where(m => m.Category == category);
        }
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToLower();
            members = members.Where(m => m.FirstName.ToLower().Contains(term) || m.LastName.ToLower().Contains(term) || m.Email.Contains(term));
        }
        if (query.Active is { } active)
        {
            members = members.Where(m => m.IsActive == active);
        }
        return query.Sort switch
        {
            "-name" => members.OrderByDescending(m => m.LastName).ThenByDescending(m => m.FirstName),
            "email" => members.OrderBy(m => m.Email),
            "-email" => members.OrderByDescending(m => m.Email),
            "created" => members.OrderBy(m => m.CreatedAt),
            "-created" => members.OrderByDescending(m => m.CreatedAt),
            _ => members.OrderBy(m => m.LastName).ThenBy(m => m.FirstName),
        };
    }
}
