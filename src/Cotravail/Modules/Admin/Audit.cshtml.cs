using System.Reflection;
using Cotravail.Common;
using Cotravail.Common.Audit;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cotravail.Modules.Admin;

/// The audit log for network admins: the same search as GET /api/v1/audit.
[Authorize(Policy = Policies.NetworkAdmin)]
internal sealed class AuditModel(AppDb db) : PageModel
{
    public static readonly IReadOnlyList<string> Actions = [.. typeof(AuditActions)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .Order(StringComparer.Ordinal)];

    [BindProperty(SupportsGet = true)]
    public SearchAuditLog.Query Query { get; set; } = new(null, null, null, null, null, null, null, null);

    public Page<AuditEntryResponse> Results { get; private set; } = new([], 1, 25, 0);

    public async Task OnGetAsync(CancellationToken ct) => Results = await SearchAuditLog.HandleAsync(Query, db, ct);
}
