using Cotravail.Common.Email;
using Cotravail.Common.Audit;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Common.Localization;
using Cotravail.Common.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Cotravail.Modules.Companies;
using Cotravail.Modules.Locations;

namespace Cotravail.Modules.Members.Admin;

/// Register or edit a member: the same handlers as POST/PUT /api/v1/members.
[Authorize(Policy = Policies.Manager)]
internal sealed class EditModel(AppDb db, Access access, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> l, IMemberEraser eraser) : PageModel
{
    [FromRoute]
    public Guid? Id { get; set; }

    [BindProperty]
    public MemberInput Input { get; set; } = new();

    public IReadOnlyList<Choice> Locations { get; private set; } = [];

    public IReadOnlyList<Choice> Companies { get; private set; } = [];

    public bool IsActive { get; private set; } = true;

    public bool IsErased { get; private set; }

    public string? EraseError { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await LoadChoicesAsync(ct);
        if (Id is { } id)
        {
            var member = await db.Members.VisibleTo(scope).AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
            if (member is null)
            {
                return NotFound();
            }
            if (!scope.CanManage(member.HomeLocationId))
            {
                return Forbid();
            }
            Input = MemberInput.From(member);
            IsActive = member.IsActive;
            IsErased = ErasedAddress.Is(member.Email);
        }
        else if (Locations.Count == 1)
        {
            Input = new MemberInput { HomeLocationId = Locations[0].Id };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await LoadChoicesAsync(ct);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = Id is { } id
            ? await SaveMember.UpdateAsync(id, Input, db, scope, audit, ct)
            : await SaveMember.CreateAsync(Input, db, scope, audit, clock, ct);
        if (!result.IsOk)
        {
            return this.Show(result.Error, l);
        }
        TempData["Saved"] = l["Member {0} saved.", $"{result.Value.FirstName} {result.Value.LastName}"].Value;
        return Redirect($"/admin/members/edit/{result.Value.Id}");
    }

    public async Task<IActionResult> OnPostStatusAsync(bool active, CancellationToken ct)
    {
        if (Id is not { } id)
        {
            return NotFound();
        }
        var result = await SaveMember.SetActiveAsync(id, active, db, await access.GetAsync(ct), audit, ct);
        if (!result.IsOk)
        {
            return this.Show(result.Error, l);
        }
        var name = $"{result.Value.FirstName} {result.Value.LastName}";
        TempData["Saved"] = (active ? l["{0} is active again.", name] : l["{0} is deactivated.", name]).Value;
        return Redirect($"/admin/members/edit/{id}");
    }

    /// Right to be forgotten, by staff: the same handler as POST /api/v1/members/{id}/erase.
    public async Task<IActionResult> OnPostEraseAsync(bool confirm, CancellationToken ct)
    {
        if (Id is not { } id)
        {
            return NotFound();
        }
        // The erase form posts no member fields: what the edit form would bind is not an error here.
        ModelState.Clear();
        if (!confirm)
        {
            EraseError = l["Tick the box to confirm."];
            return await OnGetAsync(ct);
        }
        var refused = await eraser.EraseAsync(id, await access.GetAsync(ct), ct);
        if (refused is Conflict conflict)
        {
            EraseError = l[conflict.Reason];
            return await OnGetAsync(ct);
        }
        if (refused is not null)
        {
            return this.Show(refused, l);
        }
        TempData["Saved"] = l["The member's personal data is erased."].Value;
        return Redirect($"/admin/members/edit/{id}");
    }

    private async Task<AccessScope> LoadChoicesAsync(CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        Locations = await LocationChoices.ListAsync(db, scope, manageableOnly: true, ct);
        Companies = await CompanyChoices.ListAsync(db, scope, ct);
        return scope;
    }
}
