using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Localization;
using Cotravail.Common.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Companies.Admin;

/// Register or edit a company: the same handlers as POST/PUT /api/v1/companies.
[Authorize(Policy = Policies.Manager)]
internal sealed class EditModel(AppDb db, ICompanyPeople people, Access access, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [FromRoute]
    public Guid? Id { get; set; }

    [BindProperty]
    public CompanyInput Input { get; set; } = new();

    public bool IsActive { get; private set; } = true;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is { } id)
        {
            var found = await CompanyAccess.FindEditableAsync(db, people, id, await access.GetAsync(ct), ct);
            if (!found.IsOk)
            {
                return this.Show(found.Error, l);
            }
            var company = found.Value;
            Input = CompanyInput.From(company);
            IsActive = company.IsActive;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var scope = await access.GetAsync(ct);
        var result = Id is { } id
            ? await SaveCompany.UpdateAsync(id, Input, db, people, scope, ct)
            : await SaveCompany.CreateAsync(Input, db, people, scope, clock, ct);
        if (!result.IsOk)
        {
            return this.Show(result.Error, l);
        }
        TempData["Saved"] = l["Company {0} saved.", result.Value.LegalName].Value;
        // a manager's new company has no member at their locations yet: theirs to register, not to change
        var editable = await db.Companies.EditableBy(people.Query(db), scope).AnyAsync(c => c.Id == result.Value.Id, ct);
        return Redirect(editable ? $"/admin/companies/edit/{result.Value.Id}" : "/admin/companies");
    }

    public async Task<IActionResult> OnPostStatusAsync(bool active, CancellationToken ct)
    {
        if (Id is not { } id)
        {
            return NotFound();
        }
        var result = await SaveCompany.SetActiveAsync(id, active, db, people, await access.GetAsync(ct), ct);
        if (!result.IsOk)
        {
            return this.Show(result.Error, l);
        }
        TempData["Saved"] = (active ? l["{0} is active again.", result.Value.LegalName] : l["{0} is deactivated.", result.Value.LegalName]).Value;
        return Redirect($"/admin/companies/edit/{id}");
    }
}
