using Cotravail.Common.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Privacy.Erasure;

/// The sign-in account: disabled for good (no password, new security stamp, no roles, no 2FA),
/// tokens and Identity's side tables deleted; the row stays so what it did still joins.
internal sealed class AccountErasure : IErasureStep
{
    public IReadOnlyCollection<string> Tables { get; } =
        ["AspNetUsers", "AspNetUserClaims", "AspNetUserLogins", "AspNetUserTokens", "ApiTokens", "StaffAssignments", "RecoveryCodes", "IdempotentRequests"];

    public async Task EraseAsync(ErasureContext context, CancellationToken ct)
    {
        if (context.Subject.UserId is not { } userId)
        {
            return;
        }
        var db = context.Db;
        await db.ApiTokens.Where(t => t.UserId == userId).ExecuteDeleteAsync(ct);
        await db.RecoveryCodes.Where(c => c.UserId == userId).ExecuteDeleteAsync(ct);
        await db.IdempotentRequests.Where(r => r.UserId == userId).ExecuteDeleteAsync(ct);
        await db.StaffAssignments.Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);
        await db.Set<IdentityUserClaim<Guid>>().Where(c => c.UserId == userId).ExecuteDeleteAsync(ct);
        await db.Set<IdentityUserLogin<Guid>>().Where(c => c.UserId == userId).ExecuteDeleteAsync(ct);
        await db.Set<IdentityUserToken<Guid>>().Where(c => c.UserId == userId).ExecuteDeleteAsync(ct);
        var user = await db.Users.FirstAsync(u => u.Id == userId, ct);
        var placeholder = ErasedAddress.For(userId);
        user.UserName = placeholder;
        user.NormalizedUserName = placeholder.ToUpperInvariant();
        user.Email = placeholder;
        user.NormalizedEmail = placeholder.ToUpperInvariant();
        user.EmailConfirmed = false;
        user.DisplayName = ErasureContext.FormerMember;
        user.PhoneNumber = null;
        user.PhoneNumberConfirmed = false;
        user.PasswordHash = null;
        user.TwoFactorEnabled = false;
        user.IsNetworkAdmin = false;
        user.IsActive = false;
        user.PreferredCulture = null;
        // A new stamp invalidates every cookie issued before (Identity's security stamp check).
        user.SecurityStamp = Guid.NewGuid().ToString("N");
    }
}
