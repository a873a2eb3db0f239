using System.ComponentModel.DataAnnotations;
using Cotravail.Common.Audit;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Common.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Me.Security;

/// /me/security: two-factor status (enable, disable), recovery codes left, "sign out everywhere",
/// links to change the password and to personal access tokens.
internal sealed class IndexModel(UserManager<User> users, SignInManager<User> signIn, AuditTrail audit, AppDb db, IStringLocalizer<SharedResource> l) : PageModel
{
    internal sealed record PasswordInput
    {
        [Required(ErrorMessage = Messages.Required), StringLength(PasswordRules.MaxInputLength, ErrorMessage = Messages.TooLong), Display(Name = "Current password")]
        public string Password { get; init; } = "";
    }

    [BindProperty]
    public PasswordInput Input { get; set; } = new();

    public bool TwoFactorEnabled { get; private set; }

    public int RecoveryCodesLeft { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        await LoadAsync(user);
        return Page();
    }

    /// Renews the security stamp: every other session ends within a minute, and every API token
    /// (signing in's and personal ones) at once, since a token is checked against the stamp it was issued under.
    public async Task<IActionResult> OnPostSignOutEverywhereAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        audit.Record(AuditActions.SessionsRevoked, "user", user.Id);
        await users.UpdateSecurityStampAsync(user);
        await signIn.RefreshSignInAsync(user);
        TempData["Saved"] = l["Your other sessions are signed out and your API tokens revoked."].Value;
        return RedirectToPage();
    }

    /// Turning two-factor authentication off asks for the password again.
    public async Task<IActionResult> OnPostDisableTwoFactorAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (!ModelState.IsValid || !await users.CheckPasswordAsync(user, Input.Password))
        {
            if (ModelState.IsValid)
            {
                ModelState.AddModelError("Input.Password", l["This is not your current password."]);
            }
            await LoadAsync(user);
            return Page();
        }
        await db.RecoveryCodes.Where(c => c.UserId == user.Id).ExecuteDeleteAsync(ct);
        await users.SetTwoFactorEnabledAsync(user, false);
        audit.Record(AuditActions.TwoFactorDisabled, "user", user.Id);
        // A new key, so the old one in the app is useless; this also changes the security stamp.
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        TempData["Saved"] = l["Two-factor authentication is off."].Value;
        return RedirectToPage();
    }

    private async Task LoadAsync(User user)
    {
        TwoFactorEnabled = user.TwoFactorEnabled;
        RecoveryCodesLeft = TwoFactorEnabled ? await users.CountRecoveryCodesAsync(user) : 0;
    }
}
