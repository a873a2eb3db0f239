using Cotravail.Common.Auth;
using Cotravail.Common.Errors;
using Cotravail.Common.Localization;
using Cotravail.Common.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Community.Moderation.Pages;

/// /community/report/{kind}/{id}: report a question, an answer or a project to the staff, through the same handler
/// and rules as POST /api/v1/community/reports; a refused form comes back with what was typed.
internal sealed class ReportModel(CommunityModeration moderation, Access access, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public ReportForm Input { get; set; } = new();

    public ReportTarget Target { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string kind, Guid id, CancellationToken ct) => await LoadAsync(kind, id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(string kind, Guid id, CancellationToken ct)
    {
        if (await LoadAsync(kind, id, ct) is { } missing)
        {
            return missing;
        }
        var input = new ReportInput { Kind = Target.Kind, PostId = Target.Id, Reason = Input.Reason, Note = Input.Note };
        foreach (var (field, messages) in LocalizedValidator.Validate(input, l, HttpContext.RequestServices))
        {
            foreach (var message in messages)
            {
                ModelState.AddModelError(field.Length == 0 ? "" : $"Input.{char.ToUpperInvariant(field[0])}{field[1..]}", message);
            }
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await moderation.ReportAsync(input, await access.GetAsync(ct), ct);
        if (!result.IsOk)
        {
            return this.Show(result.Error, l);
        }
        TempData["Saved"] = l["Thank you: your report is sent to the staff."].Value;
        return Redirect(Target.Link);
    }

    private async Task<IActionResult?> LoadAsync(string kind, Guid id, CancellationToken ct)
    {
        var target = CommunityModeration.KindOf(kind) is { } k ? await moderation.TargetAsync(k, id, await access.GetAsync(ct), ct) : new NotFound("Post");
        if (!target.IsOk)
        {
            return NotFound();
        }
        Target = target.Value;
        return null;
    }
}

/// The form's shape of ReportInput (the post is in the address).
internal sealed record ReportForm
{
    public ReportReason? Reason { get; init; }

    public string? Note { get; init; }
}
