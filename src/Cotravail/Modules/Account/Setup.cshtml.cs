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

[AllowAnonymous]
internal sealed class SetupModel(FirstAdmin firstAdmin, SignInManager<User> signIn, UserManager<User> users, IStringLocalizer<SharedResource> l) : PageModel
{
    internal sealed record SetupInput
    {
        [Required(ErrorMessage = Messages.Required), StringLength(200, ErrorMessage = Messages.TooLong), Display(Name = "Your name")]
        public string Name { get; init; } = "";

        [Required(ErrorMessage = Messages.Required), ValidEmail, StringLength(256, ErrorMessage = Messages.TooLong), Display(Name = "Email")]
        public string Email { get; init; } = "";

        // Length, common passwords and names: PasswordPolicy, through UserManager.
        [Required(ErrorMessage = Messages.Required), StringLength(PasswordRules.MaxInputLength, ErrorMessage = Messages.TooLong), Display(Name = "Password")]
        public string Password { get; init; } = "";
    }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public SetupInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await firstAdmin.IsNeededAsync(ct) && firstAdmin.IsValid(Token) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await firstAdmin.IsNeededAsync(ct) || !firstAdmin.IsValid(Token))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await firstAdmin.CreateAsync(EmailText.Normalize(Input.Email), Input.Name.Trim(), Input.Password, ct);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code.Contains("Password", StringComparison.Ordinal) ? "Input.Password" : "", l[error.Description]);
            }
            return Page();
        }
        var user = await users.FindByEmailAsync(EmailText.Normalize(Input.Email));
        await signIn.SignInAsync(user!, isPersistent: false);
        return Redirect("/admin/network");
    }
}
