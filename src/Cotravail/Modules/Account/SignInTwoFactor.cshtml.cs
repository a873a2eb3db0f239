using System.ComponentModel.DataAnnotations;
using Cotravail.Common.Auth;
using Cotravail.Common.Errors;
using Cotravail.Common.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace Cotravail.Modules.Account;

/// The second step for accounts with two-factor authentication: the authenticator app's code, or one
/// of the recovery codes. Each works once; failures count towards the same lockout as passwords.
[AllowAnonymous]
internal sealed class SignInTwoFactorModel(SignInManager<User> signIn, UserManager<User> users, SignInAudit audit, IStringLocalizer<SharedResource> l) : PageModel
{
    internal sealed record CodeInput
    {
        [Required(ErrorMessage = Messages.Required), StringLength(20, ErrorMessage = Messages.TooLong), Display(Name = "Code")]
        public string Code { get; init; } = "";
    }

    [BindProperty]
    public CodeInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Account/SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return RedirectToPage("/Account/SignIn");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var code = Totp.Normalize(Input.Code);
        var lockedBefore = await users.IsLockedOutAsync(user);
        SignInResult result;
        if (code.Length == Totp.Digits && code.All(char.IsAsciiDigit))
        {
            result = await signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, rememberClient: false);
        }
        else if (lockedBefore)
        {
            result = SignInResult.LockedOut;
        }
        else
        {
            // Identity does not count wrong recovery codes; here they count like any other guess.
            result = await signIn.TwoFactorRecoveryCodeSignInAsync(Input.Code);
            if (!result.Succeeded)
            {
                await users.AccessFailedAsync(user);
                result = await users.IsLockedOutAsync(user) ? SignInResult.LockedOut : result;
            }
        }
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/me");
        }
        await audit.FailedAsync(user, lockedBefore, result.IsLockedOut, "sign-in page: two-factor code");
        ModelState.AddModelError("Input.Code", l["This code is not valid, or it was already used."]);
        return Page();
    }
}
