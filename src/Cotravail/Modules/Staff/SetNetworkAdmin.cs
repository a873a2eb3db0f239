using System.ComponentModel.DataAnnotations;
using Cotravail.Common.Audit;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Staff;

internal sealed record NetworkAdminInput
{
    [Required(ErrorMessage = Messages.Required), Display(Name = "Network admin")]
    public bool? IsNetworkAdmin { get; init; }
}

/// PUT /api/v1/staff/{userId}/network-admin: grants or removes network admin; the network always keeps
/// one active network admin, so the last one cannot be removed.
internal sealed class SetNetworkAdmin(AppDb db, AuditTrail audit)
{
    public async Task<Result<StaffResponse>> HandleAsync(Guid userId, bool isNetworkAdmin, CancellationToken ct)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
        {
            return new NotFound("Account");
        }
        if (user.IsNetworkAdmin != isNetworkAdmin)
        {
            if (!isNetworkAdmin && !await db.Users.AnyAsync(u => u.IsNetworkAdmin && u.IsActive && u.Id != userId, ct))
            {
                return new Conflict(nameof(NetworkAdminInput.IsNetworkAdmin), "The network needs at least one active network admin.");
            }
            user.IsNetworkAdmin = isNetworkAdmin;
            if (!isNetworkAdmin)
            {
                user.RenewSecurityStamp();
            }
            audit.Record(isNetworkAdmin ? AuditActions.RoleGranted : AuditActions.RoleRevoked, "user", userId, null, StaffDetail.NetworkAdmin);
            await db.SaveChangesAsync(ct);
        }
        return await ListStaff.OneAsync(db, userId, ct);
    }
}
