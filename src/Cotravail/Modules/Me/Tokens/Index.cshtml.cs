using Cotravail.Common.Auth;
using Cotravail.Common.Errors;
using Cotravail.Common.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Me.Tokens;

/// /me/tokens: my personal access tokens, a form to create one (its value shown once), revoke buttons.
internal sealed class IndexModel(PersonalTokens tokens, Access access, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public PersonalTokens.CreateRequest Input { get; set; } = new() { ExpiresInDays = 90 };

    public IReadOnlyList<PersonalTokens.TokenResponse> Tokens { get; private set; } = [];

    public PersonalTokens.CreatedToken? Created { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Tokens = await tokens.ListAsync(await UserIdAsync(ct), ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var userId = await UserIdAsync(ct);
        if (ModelState.IsValid)
        {
            var result = await tokens.CreateAsync(userId, User, Input, ct);
            if (result.IsOk)
            {
                Created = result.Value;
                Input = new() { ExpiresInDays = 90 };
                ModelState.Clear();
            }
            else
            {
                result.Error.AddTo(ModelState, l);
            }
        }
        Tokens = await tokens.ListAsync(userId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        var result = await tokens.RevokeAsync(await UserIdAsync(ct), id, ct);
        if (!result.IsOk)
        {
            return NotFound();
        }
        TempData["Saved"] = l["The token is revoked."].Value;
        return RedirectToPage();
    }

    private async Task<Guid> UserIdAsync(CancellationToken ct) => (await access.GetAsync(ct)).UserId!.Value;
}
