using Cotravail.Common.Auth;
using Cotravail.Common.Errors;
using Cotravail.Common.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Community.Moderation.Pages;

/// /admin/community/moderation: the queue of reported posts of the locations I manage, with their text, counts,
/// reasons and notes; hide with a reason, dismiss the reports, unhide. The same handlers as the API; a refused hide
/// comes back with the reason typed, under its post.
[Authorize(Policy = Policies.Manager)]
internal sealed class ModerationModel(CommunityModeration moderation, Access access, IStringLocalizer<SharedResource> l) : PageModel
{
    public ModerationQueue Queue { get; private set; } = new([], []);

    /// The post whose hide form was refused, and what was typed in it.
    public Guid? Failed { get; private set; }

    public string? TypedReason { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(ct);

    public async Task<IActionResult> OnPostHideAsync(string kind, Guid id, string? reason, CancellationToken ct)
    {
        var input = new HideInput { Reason = reason };
        foreach (var (field, messages) in LocalizedValidator.Validate(input, l, HttpContext.RequestServices))
        {
            foreach (var message in messages)
            {
                ModelState.AddModelError(field.Length == 0 ? "" : $"Input.{char.ToUpperInvariant(field[0])}{field[1..]}", message);
            }
        }
        if (ModelState.IsValid)
        {
            var result = await moderation.HideAsync(kind, id, input, await access.GetAsync(ct), ct);
            if (result.IsOk)
            {
                TempData["Saved"] = l["The post is hidden and its author told."].Value;
                return Redirect("/admin/community/moderation");
            }
            if (result.Error is Cotravail.Common.Errors.NotFound or Forbidden)
            {
                return NotFound();
            }
            result.Error.AddTo(ModelState, l);
        }
        Failed = id;
        TypedReason = reason;
        return await ShowAsync(ct);
    }

    public Task<IActionResult> OnPostDismissAsync(string kind, Guid id, CancellationToken ct) =>
        ActAsync(id, async scope => await moderation.DismissAsync(kind, id, scope, ct), l["The reports are dismissed: the post stays."].Value, ct);

    public Task<IActionResult> OnPostUnhideAsync(string kind, Guid id, CancellationToken ct) =>
        ActAsync(id, async scope => await moderation.UnhideAsync(kind, id, scope, ct), l["The post is shown again."].Value, ct);

    private async Task<IActionResult> ActAsync(Guid id, Func<AccessScope, Task<Result<ModeratedPost>>> act, string done, CancellationToken ct)
    {
        var result = await act(await access.GetAsync(ct));
        if (result.IsOk)
        {
            TempData["Saved"] = done;
            return Redirect("/admin/community/moderation");
        }
        if (result.Error is Cotravail.Common.Errors.NotFound or Forbidden)
        {
            return NotFound();
        }
        result.Error.AddTo(ModelState, l);
        Failed = id;
        return await ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        var queue = await moderation.QueueAsync(await access.GetAsync(ct), ct);
        if (!queue.IsOk)
        {
            return Forbid();
        }
        Queue = queue.Value;
        return Page();
    }
}
