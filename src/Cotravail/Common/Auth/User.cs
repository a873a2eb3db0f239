using Microsoft.AspNetCore.Identity;

namespace Cotravail.Common.Auth;

/// A person who can sign in. What they may do comes from IsNetworkAdmin, their staff assignments
/// (per location) and their member record (company admin); see Access.
internal sealed class User : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";

    public bool IsNetworkAdmin { get; set; }

    public bool IsActive { get; set; } = true;

    /// "fr" or "en"; emails and the UI use it when set.
    public string? PreferredCulture { get; set; }

    public DateTime CreatedAt { get; set; }

    /// The time step of the last authenticator code accepted: a code of that step or an older one is
    /// refused (a code works once). Written only by AuthenticatorCodes' conditional UPDATE.
    public long? LastTotpStep { get; private set; }

    /// Ends the account's sessions everywhere within AuthModule.SessionCheckInterval: call it (then save)
    /// when a role is removed or anything else should force a new sign-in.
    public void RenewSecurityStamp() => SecurityStamp = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20));

    /// A deactivated account cannot sign in, its sessions end within a minute and its tokens at once.
    public void Deactivate()
    {
        IsActive = false;
        RenewSecurityStamp();
    }
}
