using Cotravail.Common;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Microsoft.EntityFrameworkCore;
using Cotravail.Modules.Locations;

namespace Cotravail.Modules.Staff;

internal sealed record StaffRoleResponse(Guid LocationId, string LocationName, StaffRole Role);

internal sealed record StaffResponse(Guid UserId, string DisplayName, string Email, bool IsNetworkAdmin, bool IsActive, IReadOnlyList<StaffRoleResponse> Roles);

/// GET /api/v1/staff and /admin/staff: network admins and everyone holding a role at a location.
internal static class ListStaff
{
    internal sealed record Query(string? Search, int? Page, int? PageSize);

    public static async Task<Page<StaffResponse>> HandleAsync(Query query, AppDb db, CancellationToken ct)
    {
        var users = db.Users.Where(u => u.IsNetworkAdmin || db.StaffAssignments.Any(s => s.UserId == u.Id));
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim();
            var (lower, upper) = (term.ToLowerInvariant(), term.ToUpperInvariant());
            users = users.Where(u => u.DisplayName.ToLower().Contains(lower) || u.NormalizedEmail!.Contains(upper));
        }
        var page = await users.OrderBy(u => u.DisplayName).ThenBy(u => u.NormalizedEmail).Select(u => u.Id)
            .ToPageAsync(PageRequest.Of(query.Page, query.PageSize), ct);
        var items = await ResponsesAsync(db, page.Items, ct);
        return new Page<StaffResponse>([.. page.Items.Select(id => items[id])], page.PageNumber, page.PageSize, page.TotalCount);
    }

    /// One account as the staff list shows it (also for an account holding no role).
    public static async Task<StaffResponse> OneAsync(AppDb db, Guid userId, CancellationToken ct) =>
        (await ResponsesAsync(db, [userId], ct))[userId];

    private static async Task<Dictionary<Guid, StaffResponse>> ResponsesAsync(AppDb db, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var people = await db.Users.Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, Email = u.Email ?? "", u.IsNetworkAdmin, u.IsActive })
            .ToListAsync(ct);
        var roles = await (from s in db.StaffAssignments
                           where ids.Contains(s.UserId)
                           join l in db.Locations on s.LocationId equals l.Id
                           select new { s.UserId, Role = new StaffRoleResponse(s.LocationId, l.Name, s.Role) })
            .ToListAsync(ct);
        return people.ToDictionary(p => p.Id, p => new StaffResponse(p.Id, p.DisplayName, p.Email, p.IsNetworkAdmin, p.IsActive,
            [.. roles.Where(r => r.UserId == p.Id).Select(r => r.Role).OrderBy(r => r.LocationName, StringComparer.Ordinal)]));
    }
}
