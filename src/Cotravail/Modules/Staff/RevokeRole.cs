using Cotravail.Common.Audit;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Microsoft.EntityFrameworkCore;
using Cotravail.Modules.Locations;

namespace Cotravail.Modules.Staff;

/// DELETE /api/v1/staff/roles/{userId}/{locationId}: the role ends at once (roles are read on every
/// request) and the account's sessions are re-checked within the session check interval.
internal sealed class RevokeRole(AppDb db, AuditTrail audit)
{
    public async Task<Result<StaffResponse>> HandleAsync(Guid userId, Guid locationId, CancellationToken ct)
    {
        var held = await db.StaffAssignments.FirstOrDefaultAsync(s => s.UserId == userId && s.LocationId == locationId, ct);
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (held is null || user is null)
        {
            return new NotFound("Staff role");
        }
        var location = await db.Locations.Where(l => l.Id == locationId).Select(l => l.Name).FirstAsync(ct);
        db.StaffAssignments.Remove(held);
        user.RenewSecurityStamp();
        audit.Record(AuditActions.RoleRevoked, "user", userId, locationId, StaffDetail.Of(held.Role, location));
        await db.SaveChangesAsync(ct);
        return await ListStaff.OneAsync(db, userId, ct);
    }
}
