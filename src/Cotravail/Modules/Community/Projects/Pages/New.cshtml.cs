using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Localization;
using Cotravail.Common.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Community.Projects.Pages;

/// /community/projects/new: through the same handler and rules as POST /api/v1/community/projects.
internal sealed class NewModel(AppDb db, Access access, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public ProjectForm Input { get; set; } = new();

    public bool HasMembership { get; private set; } = true;

    public async Task OnGetAsync(CancellationToken ct)
    {
        HasMembership = (await access.GetAsync(ct)).MemberId is not null;
        Input = new ProjectForm { Deadline = ProjectInput.Today(clock).AddDays(30) };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var input = Input.ToInput();
        if (!ProjectForm.Check(input, ModelState, l, HttpContext.RequestServices))
        {
            return Page();
        }
        var viewer = await CommunityViewer.LoadAsync(await access.GetAsync(ct), db, ct);
        var result = await ProjectBoard.CreateAsync(input, viewer, db, l, clock, ct);
        if (!result.IsOk)
        {
            return this.Show(result.Error, l);
        }
        TempData["Saved"] = l["Your project is published."].Value;
        return Redirect($"/community/projects/{result.Value.Id}");
    }
}
