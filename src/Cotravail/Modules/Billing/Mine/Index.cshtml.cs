using Cotravail.Common;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Modules.Companies;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Billing.Mine;

/// /me/invoices: a member's own issued invoices and credit notes and, for a company's admin, the company's,
/// each with what is left to pay. Listed through InvoiceAccess.VisibleTo with the person's member rights only,
/// so a member who is also staff sees here what is billed to them, not their location's invoices.
internal sealed class IndexModel(AppDb db, Access access, TimeProvider clock) : PageModel
{
    /// One list: its documents (the latest 100) and the balance left to pay on all of them.
    internal sealed record Section(Page<InvoiceSummary> Invoices, IReadOnlyList<Money> Balance);

    public Section? Own { get; private set; }

    public Section? Company { get; private set; }

    public string CompanyName { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        if (scope.MemberId is not null)
        {
            Own = await SectionAsync(AccessScope.Anonymous with { UserId = scope.UserId, MemberId = scope.MemberId }, ct);
        }
        if (scope.CompanyAdminOf is { } companyId)
        {
            Company = await SectionAsync(AccessScope.Anonymous with { UserId = scope.UserId, CompanyAdminOf = companyId }, ct);
            CompanyName = await db.Companies.Where(c => c.Id == companyId).Select(c => c.LegalName).FirstAsync(ct);
        }
    }

    private async Task<Section> SectionAsync(AccessScope mine, CancellationToken ct) => new(
        await InvoiceQueries.ListAsync(new(null, null, null, null, InvoiceStatus.Issued, null, null, 1, PageRequest.MaxPageSize), db, mine, clock, ct),
        await InvoiceQueries.BalanceAsync(db, mine, ct));
}
