using Cotravail.Common;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Localization;
using Cotravail.Common.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Cotravail.Modules.Companies;
using Cotravail.Modules.Locations;

namespace Cotravail.Modules.Joining.Admin;

/// Staff invite people by email to a location they manage; the list shows what became of them.
[Authorize(Policy = Policies.Manager)]
internal sealed class InvitationsModel(AppDb db, Access access, InviteMember invite, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InvitationInput Input { get; set; } = new();

    [FromQuery(Name = "page")] // not BindProperty: "page" is also the route value naming the Razor page
    public int? PageNumber { get; set; }

    public IReadOnlyList<Choice> Locations { get; private set; } = [];

    public IReadOnlyList<Choice> Companies { get; private set; } = [];

    public Page<InvitationResponse> Results { get; private set; } = new([], 1, 25, 0);

    public DateTime Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Locations.Count == 1)
        {
            Input = new InvitationInput { LocationId = Locations[0].Id };
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await LoadAsync(ct);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await invite.HandleAsync(Input, scope, ct);
        if (!result.IsOk)
        {
            return this.Show(result.Error, l);
        }
        TempData["Saved"] = l["Invitation sent to {0}.", result.Value.Email].Value;
        return Redirect("/admin/invitations");
    }

    private async Task<AccessScope> LoadAsync(CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        Now = clock.GetUtcNow().UtcDateTime;
        Locations = await LocationChoices.ListAsync(db, scope, manageableOnly: true, ct);
        Companies = await CompanyChoices.ListAsync(db, scope, ct);
        Results = await db.Invitations.VisibleTo(scope).OrderByDescending(i => i.CreatedAt).ToResponses(db)
            .ToPageAsync(PageRequest.Of(PageNumber, 25), ct);
        return scope;
    }
}
