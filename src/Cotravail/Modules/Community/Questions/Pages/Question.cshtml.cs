using Cotravail.Common.Auth;
using Cotravail.Common.Errors;
using Cotravail.Common.Localization;
using Cotravail.Common.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Community.Questions.Pages;

/// /community/questions/{id}: a thread, its answer form, thanks, and the author's solve and close buttons, through
/// the same handlers as the API. A refused answer comes back with what was typed.
internal sealed class QuestionModel(AskNeighbour ask, Access access, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public AnswerInput Input { get; set; } = new();

    public QuestionView Question { get; private set; } = null!;

    public Guid? MemberId { get; private set; }

    public bool IsMember => MemberId is not null;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await ShowAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAnswerAsync(Guid id, CancellationToken ct)
    {
        foreach (var (field, messages) in LocalizedValidator.Validate(Input, l, HttpContext.RequestServices))
        {
            foreach (var message in messages)
            {
                ModelState.AddModelError(field.Length == 0 ? "" : $"Input.{char.ToUpperInvariant(field[0])}{field[1..]}", message);
            }
        }
        if (ModelState.IsValid)
        {
            var result = await ask.AnswerAsync(id, Input, await access.GetAsync(ct), ct);
            if (result.IsOk)
            {
                TempData["Saved"] = l["Your answer is posted."].Value;
                return Redirect($"/community/questions/{id}#answers");
            }
            if (result.Error is Cotravail.Common.Errors.NotFound or Forbidden)
            {
                return this.Show(result.Error, l);
            }
            result.Error.AddTo(ModelState, l);
        }
        return await ShowAsync(id, ct) ?? Page();
    }

    public Task<IActionResult> OnPostThanksAsync(Guid id, Guid answerId, CancellationToken ct) =>
        ActAsync(id, async scope => await ask.ThankAsync(id, answerId, scope, ct), l["Your thanks are sent."].Value, ct);

    public Task<IActionResult> OnPostSolveAsync(Guid id, Guid answerId, CancellationToken ct) =>
        ActAsync(id, async scope => await ask.SolveAsync(id, new SolveInput(answerId), scope, ct), l["The question is marked solved."].Value, ct);

    public Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, async scope => await ask.CloseAsync(id, scope, ct), l["The question is closed."].Value, ct);

    private async Task<IActionResult> ActAsync(Guid id, Func<AccessScope, Task<Result<QuestionView>>> act, string done, CancellationToken ct)
    {
        var result = await act(await access.GetAsync(ct));
        if (result.IsOk)
        {
            TempData["Saved"] = done;
            return Redirect($"/community/questions/{id}");
        }
        if (result.Error is Cotravail.Common.Errors.NotFound or Forbidden)
        {
            return this.Show(result.Error, l);
        }
        result.Error.AddTo(ModelState, l);
        return await ShowAsync(id, ct) ?? Page();
    }

    private async Task<IActionResult?> ShowAsync(Guid id, CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        MemberId = scope.MemberId;
        var result = await ask.GetAsync(id, scope, ct);
        if (!result.IsOk)
        {
            return this.Show(result.Error, l);
        }
        Question = result.Value;
        return null;
    }
}
