using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Billing.Admin;

/// The PDF of an issued document of one's locations, as rendered at issue (InvoiceDocuments); 404 for a draft.
[Authorize(Policy = Policies.Staff)]
internal sealed class PdfModel(AppDb db, Access access, InvoiceDocuments documents) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await db.Invoices.VisibleTo(await access.GetAsync(ct)).AnyAsync(i => i.Id == id, ct) && await documents.GetOrRenderAsync(id, ct) is { } pdf
            ? File(pdf.Content, "application/pdf", pdf.FileName)
            : NotFound();
}
