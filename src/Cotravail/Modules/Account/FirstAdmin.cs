using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Account;

/// The first start of an empty installation: the log shows a /setup link whose token (signed with the
/// shared data-protection keys, valid 24 hours) lets whoever reads the server's log create the first
/// network admin. Once an account exists, /setup is gone.
internal sealed class FirstAdmin(AppDb db, UserManager<User> users, IDataProtectionProvider protection, TimeProvider clock)
{
    private const string Purpose = "Cotravail.Setup";

    public async Task<bool> IsNeededAsync(CancellationToken ct) => !await db.Users.AnyAsync(ct);

    public string IssueToken() =>
        protection.CreateProtector(Purpose).ToTimeLimitedDataProtector().Protect("first-admin", clock.GetUtcNow().AddHours(24));

    public bool IsValid(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return false;
        }
        try
        {
            var protector = protection.CreateProtector(Purpose).ToTimeLimitedDataProtector();
            return protector.Unprotect(token, out var expiration) == "first-admin" && expiration > clock.GetUtcNow();
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }

    public async Task<IdentityResult> CreateAsync(string email, string name, string password, CancellationToken ct)
    {
        if (!await IsNeededAsync(ct))
        {
            return IdentityResult.Failed(new IdentityError { Code = "AlreadySetUp", Description = "An administrator already exists." });
        }
        var user = new User
        {
            Id = Guid.CreateVersion7(),
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = name,
            IsNetworkAdmin = true,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        return await users.CreateAsync(user, password);
    }
}
