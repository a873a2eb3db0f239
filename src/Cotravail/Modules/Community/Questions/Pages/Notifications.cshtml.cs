using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Common.Localization;
using Cotravail.Common.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Community.Questions.Pages;

/// /community/notifications: my community notifications (GET /api/v1/me/notifications), "mark all read", and the
/// topics I mute (PUT /api/v1/me/community-mutes).
internal sealed class NotificationsModel(AppDb db, Access access, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public List<string> Topics { get; set; } = [];

    [FromQuery(Name = "page")]
    public int? PageNumber { get; set; }

    public NotificationList List { get; private set; } = new(0, []);

    public PagerView Pager => new(List.Page, Math.Max(1, (List.TotalCount + List.PageSize - 1) / List.PageSize), List.TotalCount);

    public bool IsMember { get; private set; } = true;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct, keepTopics: false);

    public async Task<IActionResult> OnPostReadAsync(CancellationToken ct)
    {
        var result = await CommunityNotifications.MarkReadAsync(new ReadInput(null), await access.GetAsync(ct), db, clock, ct);
        if (!result.IsOk)
        {
            return this.Show(result.Error, l);
        }
        return Redirect("/community/notifications");
    }

    public async Task<IActionResult> OnPostMutesAsync(CancellationToken ct)
    {
        var input = new MutesInput { Topics = Topics };
        var errors = LocalizedValidator.Validate(input, l, HttpContext.RequestServices);
        foreach (var message in errors.SelectMany(e => e.Value))
        {
            ModelState.AddModelError("", message);
        }
        if (errors.Count == 0)
        {
            var result = await CommunityNotifications.SaveMutesAsync(input, await access.GetAsync(ct), db, ct);
            if (!result.IsOk)
            {
                return this.Show(result.Error, l);
            }
            TempData["Saved"] = l["Your muted topics are saved."].Value;
            return Redirect("/community/notifications#mutes");
        }
        await LoadAsync(ct, keepTopics: true);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct, bool keepTopics)
    {
        var scope = await access.GetAsync(ct);
        var list = await CommunityNotifications.ListAsync(scope, db, ct, PageNumber);
        IsMember = list.IsOk;
        if (!list.IsOk)
        {
            return;
        }
        List = list.Value;
        if (!keepTopics)
        {
            Topics = [.. (await CommunityNotifications.MutesAsync(scope, db, ct)).Value!.Topics];
        }
    }
}
