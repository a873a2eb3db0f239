using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cotravail.Modules.Account;

[AllowAnonymous]
internal sealed class ForgotPasswordModel(PasswordReset reset) : PageModel
{
    [BindProperty]
    public PasswordReset.Request Input { get; set; } = new();

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await reset.RequestAsync(Input.Email, ct);
        Sent = true;
        return Page();
    }
}
