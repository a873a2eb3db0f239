using Cotravail.Common.Audit;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Members.Admin;

/// The members list's "Export CSV" link: the same filters and the same handler as the API.
[Authorize(Policy = Policies.Staff)]
internal sealed class ExportModel(AppDb db, Access access, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ListMembers.Query Query { get; set; } = new(null, null, null, null, null, null, null, null);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        File(await ExportMembers.HandleAsync(Query, db, await access.GetAsync(ct), audit, l, ct), ExportMembers.ContentType, ExportMembers.FileName(clock));
}
