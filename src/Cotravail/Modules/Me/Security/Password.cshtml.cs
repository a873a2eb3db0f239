using System.ComponentModel.DataAnnotations;
using Cotravail.Common.Audit;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Common.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Me.Security;

/// Changing one's password: the current one, then a new one that passes PasswordPolicy. The security
/// stamp changes, so every other session ends within a minute and every API token at once; this session is renewed.
internal sealed class PasswordModel(UserManager<User> users, SignInManager<User> signIn, AuditTrail audit, AppDb db, IStringLocalizer<SharedResource> l) : PageModel
{
    internal sealed record ChangeInput
    {
        [Required(ErrorMessage = Messages.Required), StringLength(PasswordRules.MaxInputLength, ErrorMessage = Messages.TooLong), Display(Name = "Current password")]
        public string Current { get; init; } = "";

        [Required(ErrorMessage = Messages.Required), StringLength(PasswordRules.MaxInputLength, ErrorMessage = Messages.TooLong), Display(Name = "New password")]
        public string New { get; init; } = "";
    }

    [BindProperty]
    public ChangeInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await users.ChangePasswordAsync(user, Input.Current, Input.New);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code == "PasswordMismatch" ? "Input.Current" : "Input.New";
                ModelState.AddModelError(field, error.Code == "PasswordMismatch" ? l["This is not your current password."] : l[error.Description]);
            }
            return Page();
        }
        audit.Record(AuditActions.PasswordChanged, "user", user.Id);
        await db.SaveChangesAsync();
        await signIn.RefreshSignInAsync(user);
        TempData["Saved"] = l["Your password is changed; your other sessions are signed out and your API tokens revoked."].Value;
        return Redirect("/me/security");
    }
}
