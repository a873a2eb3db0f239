using Cotravail.Common;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Modules.Locations;

namespace Cotravail.Modules.Resources;

/// GET /api/v1/resources and the back-office list.
internal static class ListResources
{
    internal sealed record Query(Guid? LocationId, ResourceKind? Kind, int? MinCapacity, string? Search, bool? Active, string? Sort, int? Page, int? PageSize);

    public static async Task<Page<ResourceResponse>> HandleAsync(Query query, AppDb db, AccessScope scope, CancellationToken ct)
    {
        var resources = db.Resources.VisibleTo(db, scope);
        if (query.LocationId is { } locationId)
        {
            resources = resources.Where(r => r.LocationId == locationId);
        }
        if (query.Kind is { } kind)
        {
            resources = resources.Where(r => r.Kind == kind);
        }
        if (query.MinCapacity is { } capacity)
        {
            resources = resources.Where(r => r.Capacity >= capacity);
        }
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToLower();
            resources = resources.Where(r => r.Name.ToLower().Contains(term));
        }
        if (query.Active is { } active)
        {
            resources = resources.Where(r => r.IsActive == active);
        }
        var rows = resources.Join(db.Locations, r => r.LocationId, l => l.Id, (r, l) => new { Resource = r, LocationName = l.Name, l.Currency });
        rows = query.Sort switch
        {
            "-name" => rows.OrderByDescending(x => x.Resource.Name),
            "capacity" => rows.OrderBy(x => x.Resource.Capacity).ThenBy(x => x.Resource.Name),
            "-capacity" => rows.OrderByDescending(x => x.Resource.Capacity).ThenBy(x => x.Resource.Name),
            "location" => rows.OrderBy(x => x.LocationName).ThenBy(x => x.Resource.Name),
            "-location" => rows.OrderByDescending(x => x.LocationName).ThenBy(x => x.Resource.Name),
            "kind" => rows.OrderBy(x => x.Resource.Kind).ThenBy(x => x.Resource.Name),
            _ => rows.OrderBy(x => x.Resource.Name),
        };
        var page = await rows.ToPageAsync(PageRequest.Of(query.Page, query.PageSize), ct);
        return new Page<ResourceResponse>(
            [.. page.Items.Select(x => ResourceResponse.From(x.Resource, x.LocationName, x.Currency))], page.PageNumber, page.PageSize, page.TotalCount);
    }
}
