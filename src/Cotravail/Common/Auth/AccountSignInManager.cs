using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Cotravail.Common.Auth;

/// Identity's sign-in rules plus two: a deactivated account can neither sign in nor keep a session
/// (the security stamp check, every minute, fails for it); and every password check costs one hash
/// verification, whether the account exists, is usable or not (no account probing by timing).
internal sealed class AccountSignInManager(
    UserManager<User> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<User> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<User>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<User> confirmation,
    DecoyPassword decoy)
    : SignInManager<User>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    /// Identity answers a deactivated or locked-out account, or one without a password, before hashing
    /// anything: those hash the decoy first. Covers PasswordSignInAsync too, which calls this.
    public override async Task<SignInResult> CheckPasswordSignInAsync(User user, string password, bool lockoutOnFailure)
    {
        if (user.PasswordHash is null || await PreSignInCheck(user) is not null)
        {
            decoy.Verify(UserManager.PasswordHasher, password);
        }
        return await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
    }

    /// For an email that matches no account (or none that may sign in): the same hashing work as a wrong password.
    public void CheckPasswordWithoutAccount(string password) => decoy.Verify(UserManager.PasswordHasher, password);

    public override async Task<bool> CanSignInAsync(User user) => user.IsActive && await base.CanSignInAsync(user);

    public override async Task<bool> ValidateSecurityStampAsync(User? user, string? securityStamp) =>
        user is { IsActive: true } && await base.ValidateSecurityStampAsync(user, securityStamp);
}
