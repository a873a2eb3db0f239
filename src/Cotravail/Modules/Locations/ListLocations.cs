using Cotravail.Common;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;

namespace Cotravail.Modules.Locations;

/// GET /api/v1/locations and the back-office list: search, filter, sort, page.
internal static class ListLocations
{
    internal sealed record Query(string? Search, bool? Active, string? Sort, int? Page, int? PageSize);

    public static async Task<Page<LocationResponse>> HandleAsync(Query query, AppDb db, AccessScope scope, CancellationToken ct)
    {
        var locations = db.Locations.VisibleTo(scope);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToLower();
            locations = locations.Where(l => l.Name.ToLower().Contains(term) || l.City.ToLower().Contains(term));
        }
        if (query.Active is { } active)
        {
            locations = locations.Where(l => l.IsActive == active);
        }
        locations = query.Sort switch
        {
            "-name" => locations.OrderByDescending(l => l.Name),
            "city" => locations.OrderBy(l => l.City).ThenBy(l => l.Name),
            "-city" => locations.OrderByDescending(l => l.City).ThenBy(l => l.Name),
            "created" => locations.OrderBy(l => l.CreatedAt),
            "-created" => locations.OrderByDescending(l => l.CreatedAt),
            _ => locations.OrderBy(l => l.Name),
        };
        var page = await locations.ToPageAsync(PageRequest.Of(query.Page, query.PageSize), ct);
        return new Page<LocationResponse>([.. page.Items.Select(LocationResponse.From)], page.PageNumber, page.PageSize, page.TotalCount);
    }
}
