using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Email;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Admin.Outbox;

[Authorize(Policy = Policies.NetworkAdmin)]
internal sealed class DetailsModel(AppDb db) : PageModel
{
    public OutboxMessage? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Message = await db.Set<OutboxMessage>().AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        return Message is null ? NotFound() : Page();
    }
}
