using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cotravail.Modules.Bookings;

/// /me/bookings/{id}: one booking for whoever may see it (its member or booker, their company admin, the
/// location's staff): what, where, when, the price, the cancellation terms and the fee now, with links to
/// its .ics, Google Calendar and Outlook, the change form and the cancel step.
internal sealed class DetailModel(AppDb db, Access access, TimeProvider clock) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public BookingDetail Detail { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await BookingDetail.LoadAsync(Id, db, await access.GetAsync(ct), clock, ct) is not { } detail)
        {
            return NotFound();
        }
        Detail = detail;
        return Page();
    }
}
