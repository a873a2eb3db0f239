using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Billing.Mine;

/// The PDF of an issued invoice or credit note the person may see (InvoiceAccess.VisibleTo): their own, their
/// company's when they are its admin; 404 for anything else, drafts included.
internal sealed class PdfModel(AppDb db, Access access, InvoiceDocuments documents) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await db.Invoices.VisibleTo(await access.GetAsync(ct)).AnyAsync(i => i.Id == id && i.Status == InvoiceStatus.Issued, ct)
            && await documents.GetOrRenderAsync(id, ct) is { } pdf
            ? File(pdf.Content, "application/pdf", pdf.FileName)
            : NotFound();
}
