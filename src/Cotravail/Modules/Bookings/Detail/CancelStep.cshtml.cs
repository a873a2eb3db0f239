using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Bookings;

/// /me/bookings/{id}/cancel: says what cancelling costs now (or that it is free) and asks to confirm; the
/// POST cancels through the same handler as POST /api/v1/bookings/{id}/cancel, then goes back to the
/// booking's page (POST-redirect-GET, so a refresh never cancels twice).
internal sealed class CancelStepModel(AppDb db, Access access, TimeProvider clock, CancelBooking cancel, IStringLocalizer<SharedResource> l) : PageModel
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

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var cancelled = await cancel.HandleAsync(Id, await access.GetAsync(ct), ct);
        if (!cancelled.IsOk && cancelled.Error is Common.Errors.NotFound)
        {
            return NotFound();
        }
        TempData[cancelled.IsOk ? "Booked" : "Problem"] = cancelled.IsOk
            ? (cancelled.Value.CancellationFee > 0
                ? l["Your booking of {0} is cancelled; a late-cancellation fee of {1} excl. VAT will be billed.", cancelled.Value.ResourceName,
                    new Common.Money((long)(cancelled.Value.CancellationFee * 100), cancelled.Value.Currency).Format(System.Globalization.CultureInfo.CurrentCulture)].Value
                : l["Your booking of {0} is cancelled.", cancelled.Value.ResourceName].Value)
            : l[cancelled.Error.Message].Value;
        return Redirect($"/me/bookings/{Id}");
    }
}
