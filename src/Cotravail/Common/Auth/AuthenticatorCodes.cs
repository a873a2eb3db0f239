using Cotravail.Common.Database;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Common.Auth;

/// Identity's authenticator-code provider, with the rule that a code works once: the last accepted
/// time step is kept per user and moved forward by one conditional UPDATE, so of two requests
/// carrying the same code exactly one succeeds (rows affected = 1), on every instance.
internal sealed class AuthenticatorCodes(AppDb db, TimeProvider clock) : IUserTwoFactorTokenProvider<User>
{
    public const string ProviderName = "CotravailAuthenticator";

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<User> manager, User user) =>
        !string.IsNullOrEmpty(await manager.GetAuthenticatorKeyAsync(user));

    // The code comes from the person's app, never from the server.
    public Task<string> GenerateAsync(string purpose, UserManager<User> manager, User user) => Task.FromResult("");

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<User> manager, User user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            return false;
        }
        var step = Totp.MatchStep(Base32.Decode(key), token, Totp.StepAt(clock.GetUtcNow()));
        if (step is not { } accepted)
        {
            return false;
        }
        var updated = await db.Users
            .Where(u => u.Id == user.Id && (u.LastTotpStep == null || u.LastTotpStep < accepted))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LastTotpStep, accepted));
        return updated == 1;
    }
}
