using Cotravail.Common.Database;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Common.Auth;

/// Identity's EF store, except recovery codes: Identity keeps them in clear in one token row;
/// here each is a hashed row, redeemed by one conditional UPDATE so it works exactly once.
internal sealed class UserStore(AppDb db, TimeProvider clock, IdentityErrorDescriber? describer = null)
    : UserOnlyStore<User, AppDb, Guid>(db, describer)
{
    public override async Task ReplaceCodesAsync(User user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken)
    {
        await Context.RecoveryCodes.Where(c => c.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        Context.RecoveryCodes.AddRange(recoveryCodes.Select(code => new RecoveryCode(user.Id, code)));
    }

    public override async Task<bool> RedeemCodeAsync(User user, string code, CancellationToken cancellationToken)
    {
        var hash = RecoveryCode.Hash(code ?? "");
        var now = clock.GetUtcNow().UtcDateTime;
        var used = await Context.RecoveryCodes
            .Where(c => c.UserId == user.Id && c.CodeHash == hash && c.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.UsedAt, now), cancellationToken);
        return used == 1;
    }

    public override Task<int> CountCodesAsync(User user, CancellationToken cancellationToken) =>
        Context.RecoveryCodes.CountAsync(c => c.UserId == user.Id && c.UsedAt == null, cancellationToken);
}
