using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Localization;
using Cotravail.Common.Web;
using Cotravail.Modules.Joining;
using Cotravail.Modules.Members;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Cotravail.Modules.Companies;
using Cotravail.Modules.Locations;

namespace Cotravail.Modules.Me;

/// A company admin's team: the company's members and invitations, and a form to invite an employee
/// (billed to the company). Only that company's people are shown.
internal sealed class CompanyModel(AppDb db, Access access, InviteMember invite, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InvitationInput Input { get; set; } = new();

    public string CompanyName { get; private set; } = "";

    public IReadOnlyList<MemberResponse> Members { get; private set; } = [];

    public IReadOnlyList<InvitationResponse> Invitations { get; private set; } = [];

    public IReadOnlyList<Choice> Locations { get; private set; } = [];

    public DateTime Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync(ct) is null ? Forbid() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await LoadAsync(ct);
        if (scope is null)
        {
            return Forbid();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await invite.HandleAsync(Input with { CompanyId = scope.CompanyAdminOf, Category = MemberCategory.CompanyEmployee }, scope, ct);
        if (!result.IsOk)
        {
            return this.Show(result.Error, l);
        }
        TempData["Saved"] = l["Invitation sent to {0}.", result.Value.Email].Value;
        return Redirect("/me/company");
    }

    private async Task<AccessScope?> LoadAsync(CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        if (scope.CompanyAdminOf is not { } companyId)
        {
            return null;
        }
        Now = clock.GetUtcNow().UtcDateTime;
        CompanyName = await db.Companies.Where(c => c.Id == companyId).Select(c => c.LegalName).FirstAsync(ct);
        Members = await db.Members.Where(m => m.CompanyId == companyId).OrderBy(m => m.LastName).ThenBy(m => m.FirstName).ToResponses(db).ToListAsync(ct);
        Invitations = await db.Invitations.Where(i => i.CompanyId == companyId && i.AcceptedAt == null)
            .OrderByDescending(i => i.CreatedAt).Take(50).ToResponses(db).ToListAsync(ct);
        Locations = await db.Locations.Where(x => x.IsActive).OrderBy(x => x.Name).Select(x => new Choice(x.Id, x.Name)).ToListAsync(ct);
        return scope;
    }
}
