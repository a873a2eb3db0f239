using System.ComponentModel.DataAnnotations;
using Cotravail.Common.Errors;
using Cotravail.Common.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Account;

[AllowAnonymous]
internal sealed class ResetPasswordModel(PasswordReset reset, IStringLocalizer<SharedResource> l) : PageModel
{
    internal sealed record ResetInput
    {
        [Required(ErrorMessage = Messages.Required), StringLength(128, MinimumLength = 12, ErrorMessage = Messages.Length), Display(Name = "New password")]
        public string Password { get; init; } = "";
    }

    [BindProperty(SupportsGet = true)]
    public Guid UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public ResetInput Input { get; set; } = new();

    public bool Done { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await reset.ResetAsync(UserId, Code, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password" : "", l[error.Description]);
            }
            return Page();
        }
        Done = true;
        return Page();
    }
}
