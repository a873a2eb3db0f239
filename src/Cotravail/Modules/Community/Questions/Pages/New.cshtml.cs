using System.ComponentModel.DataAnnotations;
using Cotravail.Common.Auth;
using Cotravail.Common.Errors;
using Cotravail.Common.Localization;
using Cotravail.Common.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Community.Questions.Pages;

/// /community/questions/new: ask a question, through the same handler and rules as POST /api/v1/community/questions;
/// a refused form comes back with everything typed. ?skill=slug preselects a skill.
internal sealed class NewModel(AskNeighbour ask, Access access, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public QuestionForm Input { get; set; } = new();

    public bool IsMember { get; private set; } = true;

    public async Task OnGetAsync(string? skill, CancellationToken ct)
    {
        IsMember = (await access.GetAsync(ct)).MemberId is not null;
        if (skill is not null && SkillVocabulary.BySlug.ContainsKey(skill))
        {
            Input = new QuestionForm { Skills = [skill] };
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var input = Input.ToInput();
        foreach (var (field, messages) in LocalizedValidator.Validate(input, l, HttpContext.RequestServices))
        {
            var name = field.Split('[')[0];
            var key = name.Length == 0 ? "" : $"Input.{char.ToUpperInvariant(name[0])}{name[1..]}";
            foreach (var message in messages)
            {
                ModelState.AddModelError(key, message);
            }
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await ask.CreateAsync(input, await access.GetAsync(ct), ct);
        if (!result.IsOk)
        {
            return this.Show(result.Error, l);
        }
        TempData["Saved"] = result.Value.Notified == 0
            ? l["Your question is posted. No member offering these skills could be told yet."].Value
            : l["Your question is posted: {0} members with these skills are told.", result.Value.Notified].Value;
        return Redirect($"/community/questions/{result.Value.Id}");
    }
}

/// The form's shape of QuestionInput.
internal sealed record QuestionForm
{
    [Display(Name = "Title")]
    public string? Title { get; init; }

    [Display(Name = "Details")]
    public string? Body { get; init; }

    public List<string> Skills { get; init; } = [];

    public QuestionScope Scope { get; init; } = QuestionScope.Location;

    public QuestionInput ToInput() => new() { Title = Title, Body = Body, Skills = Skills, Scope = Scope };
}
