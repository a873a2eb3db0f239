using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Cotravail.Common.Database;

namespace Cotravail.Common.Auth;

/// What the signed-in person may see and change, read from the database once per request.
internal sealed record AccessScope(
    Guid? UserId,
    bool IsNetworkAdmin,
    IReadOnlySet<Guid> ManagedLocations,
    IReadOnlySet<Guid> HostedLocations,
    Guid? MemberId,
    Guid? CompanyAdminOf)
{
    public static readonly AccessScope Anonymous = new(null, false, new HashSet<Guid>(), new HashSet<Guid>(), null, null);

    public bool IsStaff => IsNetworkAdmin || ManagedLocations.Count > 0 || HostedLocations.Count > 0;

    public bool IsManager => IsNetworkAdmin || ManagedLocations.Count > 0;

    /// Locations whose back-office data this person may read (managers and hosts); all for admins.
    public IReadOnlyList<Guid> StaffLocations => [.. ManagedLocations.Union(HostedLocations)];

    public bool CanManage(Guid locationId) => IsNetworkAdmin || ManagedLocations.Contains(locationId);

    /// A location's record, or the whole network's (null), which network admins alone manage.
    public bool CanManage(Guid? locationId) => locationId is { } id ? CanManage(id) : IsNetworkAdmin;

    public bool CanSee(Guid locationId) => CanManage(locationId) || HostedLocations.Contains(locationId);
}

internal sealed class Access(IHttpContextAccessor http, AppDb db, IMemberLinks links)
{
    private AccessScope? scope;

    public async Task<AccessScope> GetAsync(CancellationToken ct = default)
    {
        if (scope is not null)
        {
            return scope;
        }
        var id = http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (!Guid.TryParse(id, out var userId))
        {
            return scope = AccessScope.Anonymous;
        }
        scope = await LoadAsync(db, links, userId, ct);
        return scope;
    }

    public static async Task<AccessScope> LoadAsync(AppDb db, IMemberLinks links, Guid userId, CancellationToken ct)
    {
        // The user and their member record in one query, their staff roles in another: every request pays for these.
        var user = await (
            from u in db.Users.AsNoTracking().Where(u => u.Id == userId && u.IsActive)
            join m in links.Query(db) on (Guid?)u.Id equals m.UserId into members
            from m in members.DefaultIfEmpty()
            select new { u.IsNetworkAdmin, MemberId = (Guid?)m!.MemberId, CompanyId = m.CompanyId, IsCompanyAdmin = (bool?)m.IsCompanyAdmin })
            .FirstOrDefaultAsync(ct);
        if (user is null)
        {
            return AccessScope.Anonymous;
        }
        var roles = await db.StaffAssignments.AsNoTracking().Where(s => s.UserId == userId).Select(s => new { s.Role, s.LocationId }).ToListAsync(ct);
        return new AccessScope(
            userId,
            user.IsNetworkAdmin,
            roles.Where(r => r.Role == StaffRole.Manager).Select(r => r.LocationId).ToHashSet(),
            roles.Where(r => r.Role == StaffRole.Host).Select(r => r.LocationId).ToHashSet(),
            user.MemberId,
            user.IsCompanyAdmin == true ? user.CompanyId : null);
    }
}
