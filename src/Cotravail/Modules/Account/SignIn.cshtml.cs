using System.ComponentModel.DataAnnotations;
using Cotravail.Common.Auth;
using Cotravail.Common.Email;
using Cotravail.Common.Errors;
using Cotravail.Common.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Account;

/// The first step of signing in; accounts with two-factor authentication continue at SignInTwoFactor.
/// Failures count towards the lockout (10) and are audited; the route is rate limited (RateLimits.SignIn).
[AllowAnonymous]
internal sealed class SignInModel(AccountSignInManager signIn, UserManager<User> users, SignInAudit audit, IStringLocalizer<SharedResource> l) : PageModel
{
    internal sealed record SignInInput
    {
        [Required(ErrorMessage = Messages.Required), ValidEmail, StringLength(256, ErrorMessage = Messages.TooLong), Display(Name = "Email")]
        public string Email { get; init; } = "";

        [Required(ErrorMessage = Messages.Required), StringLength(PasswordRules.MaxInputLength, ErrorMessage = Messages.TooLong), Display(Name = "Password")]
        public string Password { get; init; } = "";

        public bool RememberMe { get; init; }
    }

    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await users.FindByEmailAsync(EmailText.Normalize(Input.Email));
        if (user is { IsActive: true })
        {
            var lockedBefore = await users.IsLockedOutAsync(user);
            var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
            if (result.Succeeded)
            {
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/me");
            }
            if (result.RequiresTwoFactor)
            {
                return RedirectToPage("/Account/SignInTwoFactor", new { ReturnUrl, Input.RememberMe });
            }
            await audit.FailedAsync(user, lockedBefore, result.IsLockedOut, "sign-in page: password");
        }
        else
        {
            signIn.CheckPasswordWithoutAccount(Input.Password);
            await audit.FailedAsync(null, false, false, "sign-in page: password");
        }
        // One message for every failure, so the form reveals nothing about which accounts exist.
        ModelState.AddModelError("", l["Invalid email or password."]);
        return Page();
    }
}
