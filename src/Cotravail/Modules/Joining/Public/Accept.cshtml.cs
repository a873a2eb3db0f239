using System.ComponentModel.DataAnnotations;
using Cotravail.Common.Auth;
using Cotravail.Common.Errors;
using Cotravail.Common.Localization;
using Cotravail.Common.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Joining.Public;

/// The link of an invitation email: choose a password, become a member, and land signed in on /me.
[AllowAnonymous]
internal sealed class AcceptModel(AcceptInvitation accept, SignInManager<User> signIn, IStringLocalizer<SharedResource> l) : PageModel
{
    internal sealed record AcceptInput
    {
        [Required(ErrorMessage = Messages.Required), StringLength(128, MinimumLength = 12, ErrorMessage = Messages.Length), Display(Name = "Password")]
        public string Password { get; init; } = "";
    }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public AcceptInput Input { get; set; } = new();

    public AcceptInvitation.Preview? Invitation { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return Page();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await accept.HandleAsync(Token, Input.Password, ct);
        if (!result.IsOk)
        {
            if (result.Error is NotFound)
            {
                Invitation = null;
                return Page();
            }
            return this.Show(result.Error, l);
        }
        await signIn.SignInAsync(result.Value, isPersistent: false);
        return LocalRedirect("/me");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Invitation = await accept.FindAsync(Token, ct);
        if (Invitation is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        return Invitation is not null;
    }
}
