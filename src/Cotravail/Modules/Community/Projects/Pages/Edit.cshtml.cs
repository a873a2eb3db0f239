using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Common.Localization;
using Cotravail.Common.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Community.Projects.Pages;

/// /community/projects/{id}/edit: the owner changes their project (PUT /api/v1/community/projects/{id}).
internal sealed class EditModel(AppDb db, Access access, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public ProjectForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var viewer = await CommunityViewer.LoadAsync(await access.GetAsync(ct), db, ct);
        var result = await ProjectBoard.GetAsync(Id, viewer, db, l, ct);
        if (!result.IsOk)
        {
            return this.Show(result.Error, l);
        }
        if (!result.Value.IsOwner)
        {
            return this.Show(new Forbidden(), l);
        }
        Input = ProjectForm.From(result.Value);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var input = Input.ToInput();
        if (!ProjectForm.Check(input, ModelState, l, HttpContext.RequestServices))
        {
            return Page();
        }
        var viewer = await CommunityViewer.LoadAsync(await access.GetAsync(ct), db, ct);
        var result = await ProjectBoard.UpdateAsync(Id, input, viewer, db, l, clock, ct);
        if (!result.IsOk)
        {
            return this.Show(result.Error, l);
        }
        TempData["Saved"] = l["The project is saved."].Value;
        return Redirect($"/community/projects/{Id}");
    }
}
