using Cotravail.Common;
using Cotravail.Common.Audit;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Common.Localization;
using Cotravail.Common.Web;
using Cotravail.Modules.Members;
using Cotravail.Modules.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Companies;

namespace Cotravail.Modules.Assignments.Admin;

/// /admin/assignments: desks and offices given to members and companies, the form to assign one and
/// the button to end one — the same handlers as /api/v1/assignments. Hosts read; managers change.
[Authorize(Policy = Policies.Staff)]
internal sealed class IndexModel(AppDb db, Access access, AuditTrail audit, TimeProvider clock, IBookingsInTheWay bookings, IStringLocalizer<SharedResource> l)
    : PageModel
{
    /// Read from the query string only: "page" is also the name of a Razor Pages route value.
    public ListAssignments.Query Query { get; private set; } = new(null, null, null, null, true, null, null);

    [BindProperty]
    public AssignResource.Request Input { get; set; } = new();

    public Page<AssignmentResponse> Results { get; private set; } = new([], 1, 25, 0);

    public IReadOnlyList<Choice> Locations { get; private set; } = [];

    /// Dedicated desks and private offices of the locations one manages, named with their location.
    public IReadOnlyList<Choice> Resources { get; private set; } = [];

    public IReadOnlyList<Choice> Members { get; private set; } = [];

    public IReadOnlyList<Choice> Companies { get; private set; } = [];

    public bool CanManage { get; private set; }

    /// Bookings standing in the way of the assignment just refused, in local time.
    public IReadOnlyList<AssignResource.BookingInTheWay> InTheWay { get; private set; } = [];

    public async Task OnGetAsync([FromQuery] Guid? locationId, [FromQuery] bool? current, [FromQuery(Name = "page")] int? pageNumber, CancellationToken ct)
    {
        Query = new(locationId, null, null, null, current ?? true, pageNumber, null);
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        if (!scope.IsManager)
        {
            return Forbid();
        }
        if (ModelState.IsValid)
        {
            var result = await AssignResource.HandleAsync(Input, db, scope, audit, clock, bookings, ct);
            if (result.IsOk)
            {
                TempData["Saved"] = l["{0} is assigned.", result.Value.ResourceName].Value;
                return Redirect($"/admin/assignments?locationId={result.Value.LocationId}&current=true");
            }
            if (result.Error is AssignResource.BookingsInTheWay inTheWay)
            {
                InTheWay = inTheWay.Bookings;
            }
            result.Error.AddTo(ModelState, l);
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostEndAsync(Guid id, string? to, CancellationToken ct)
    {
        var ended = await EndAssignment.HandleAsync(id, new EndAssignment.Request { To = to }, db, await access.GetAsync(ct), audit, clock, ct);
        if (ended.IsOk)
        {
            TempData["Saved"] = l["The assignment of {0} ends on {1}.", ended.Value.ResourceName, ended.Value.To!.Value.ToString("d", System.Globalization.CultureInfo.CurrentCulture)].Value;
        }
        else
        {
            TempData["Problem"] = ended.Error is Common.Errors.NotFound ? l["{0} was not found.", l["Assignment"]].Value : l[ended.Error.Message].Value;
        }
        return Redirect("/admin/assignments");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        CanManage = scope.IsManager;
        Locations = await LocationChoices.ListAsync(db, scope, manageableOnly: false, ct);
        Results = await ListAssignments.HandleAsync(Query, db, scope, clock, ct);
        if (!CanManage)
        {
            return;
        }
        var managed = (await LocationChoices.ListAsync(db, scope, manageableOnly: true, ct)).Select(c => c.Id).ToList();
        Resources = await db.Resources.AsNoTracking()
            .Where(r => r.IsActive && managed.Contains(r.LocationId) && (r.Kind == ResourceKind.DedicatedDesk || r.Kind == ResourceKind.PrivateOffice))
            .Join(db.Locations, r => r.LocationId, x => x.Id, (r, x) => new { r.Id, r.Name, Location = x.Name })
            .OrderBy(r => r.Location).ThenBy(r => r.Name).Select(r => new Choice(r.Id, r.Location + " · " + r.Name)).ToListAsync(ct);
        Members = await db.Members.VisibleTo(scope).AsNoTracking().Where(m => m.IsActive)
            .OrderBy(m => m.LastName).ThenBy(m => m.FirstName).Take(1000)
            .Select(m => new Choice(m.Id, m.LastName + " " + m.FirstName + " <" + m.Email + ">")).ToListAsync(ct);
        Companies = await CompanyChoices.ListAsync(db, scope, ct);
    }
}
