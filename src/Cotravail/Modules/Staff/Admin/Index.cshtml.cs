using Cotravail.Common;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Common.Localization;
using Cotravail.Common.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Cotravail.Modules.Locations;

namespace Cotravail.Modules.Staff.Admin;

/// /admin/staff: the same handlers as /api/v1/staff, for network admins.
[Authorize(Policy = Policies.NetworkAdmin)]
internal sealed class IndexModel(AppDb db, Access access, IStringLocalizer<SharedResource> l) : PageModel
{
    [FromQuery] // not BindProperty: "page" is also the route value naming the Razor page
    public ListStaff.Query Query { get; set; } = new(null, null, null);

    [BindProperty]
    public GrantRoleInput Input { get; set; } = new();

    public Page<StaffResponse> Results { get; private set; } = new([], 1, 25, 0);

    public IReadOnlyList<Choice> Locations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostGrantAsync([FromServices] GrantRole grant, CancellationToken ct)
    {
        if (ModelState.IsValid && string.IsNullOrWhiteSpace(Input.Email))
        {
            ModelState.AddModelError("Input.Email", l[Messages.Required, l["Email"]]);
        }
        if (ModelState.IsValid)
        {
            var result = await grant.HandleAsync(Input with { UserId = null }, ct);
            if (result.IsOk)
            {
                var role = result.Value.Staff.Roles.First(r => r.LocationId == Input.LocationId);
                TempData["Saved"] = l["{0} is now {1} at {2}.", result.Value.Staff.DisplayName, l[EnumText.Of(role.Role)], role.LocationName].Value;
                return Redirect("/admin/staff");
            }
            result.Error.AddTo(ModelState, l);
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid userId, Guid locationId, [FromServices] RevokeRole revoke, CancellationToken ct)
    {
        var result = await revoke.HandleAsync(userId, locationId, ct);
        if (!result.IsOk)
        {
            return NotFound();
        }
        TempData["Saved"] = l["The role of {0} is removed.", result.Value.DisplayName].Value;
        return Redirect("/admin/staff");
    }

    public async Task<IActionResult> OnPostNetworkAdminAsync(Guid userId, bool isNetworkAdmin, [FromServices] SetNetworkAdmin set, CancellationToken ct)
    {
        // These buttons post no grant form: its empty fields are not errors here.
        ModelState.Clear();
        var result = await set.HandleAsync(userId, isNetworkAdmin, ct);
        if (result.Error is NotFound)
        {
            return NotFound();
        }
        if (!result.IsOk)
        {
            ModelState.AddModelError("", l[result.Error.Message]);
            await LoadAsync(ct);
            return Page();
        }
        TempData["Saved"] = (isNetworkAdmin ? l["{0} is now a network admin.", result.Value.DisplayName] : l["{0} is no longer a network admin.", result.Value.DisplayName]).Value;
        return Redirect("/admin/staff");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Locations = await LocationChoices.ListAsync(db, await access.GetAsync(ct), manageableOnly: true, ct);
        Results = await ListStaff.HandleAsync(Query, db, ct);
    }
}
