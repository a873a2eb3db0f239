using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cotravail.Modules.Account;

[AllowAnonymous]
internal sealed class ConfirmEmailModel(EmailConfirmation confirmation) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(Guid userId, string? code)
    {
        Confirmed = (await confirmation.ConfirmAsync(userId, code)).Succeeded;
        if (!Confirmed)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
    }
}
