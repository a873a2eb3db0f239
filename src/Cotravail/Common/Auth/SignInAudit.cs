using Cotravail.Common.Audit;
using Cotravail.Common.Database;

namespace Cotravail.Common.Auth;

/// Every refused sign-in, whichever door it came through (page, 2FA step, token endpoint), goes to the
/// audit log; the attempt that locks an account is recorded as such.
internal sealed class SignInAudit(AuditTrail audit, AppDb db)
{
    public async Task FailedAsync(User? user, bool lockedBefore, bool lockedNow, string how)
    {
        var detail = user is null ? $"{how}: unknown or inactive account" : lockedBefore ? $"{how}: account locked" : how;
        audit.RecordFor(user?.Id, AuditActions.SignInFailed, detail);
        if (user is not null && lockedNow && !lockedBefore)
        {
            audit.RecordFor(user.Id, AuditActions.AccountLocked, $"{how}: too many failed attempts");
        }
        await db.SaveChangesAsync();
    }
}
