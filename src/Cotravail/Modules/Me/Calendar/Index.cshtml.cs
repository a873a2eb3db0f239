using Cotravail.Common.Auth;
using Cotravail.Common.Email;
using Cotravail.Common.Localization;
using Cotravail.Modules.Bookings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Me.Calendar;

/// /me/calendar: the private address of my bookings for a calendar app (shown once), and revoking it.
internal sealed class IndexModel(CalendarFeeds feeds, Access access, SiteLinks links, IStringLocalizer<SharedResource> l) : PageModel
{
    public IReadOnlyList<CalendarFeeds.FeedResponse> Feeds { get; private set; } = [];

    /// The new address, full URL, right after it was made.
    public string? Created { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Feeds = await feeds.ListMineAsync(await access.GetAsync(ct), ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        var created = await feeds.CreateForMeAsync(scope, ct);
        Created = links.Absolute(created.Value!.Path);
        Feeds = await feeds.ListMineAsync(scope, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        if (!(await feeds.RevokeAsync(id, await access.GetAsync(ct), ct)).IsOk)
        {
            return NotFound();
        }
        TempData["Saved"] = l["The calendar address no longer works."].Value;
        return RedirectToPage();
    }
}
