using System.Globalization;
using System.Text.RegularExpressions;
using Cotravail.Common.Audit;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Common.Localization;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Members;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Billing.Admin;

/// /admin/invoices/{id}: one invoice or credit note as GET /api/v1/invoices/{id} gives it, and its managers'
/// actions through the same handlers: edit, delete or issue a draft (each asked again first, ?confirm=…), draft
/// a credit note for an issued invoice, record a payment. Each form shows its own problems and keeps what was typed.
[Authorize(Policy = Policies.Staff)]
internal sealed partial class DetailsModel(AppDb db, Access access, IssueInvoice issue, DraftCreditNote credit, RecordPayment record, AuditTrail audit,
    TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    internal sealed record Related(Guid Id, string? Number, InvoiceStatus Status);

    /// A line of the credit-note form: the invoice's line and the quantity not credited yet.
    internal sealed record CreditRow(LineResponse Line, decimal Left);

    [FromRoute]
    public Guid Id { get; set; }

    public InvoiceResponse Invoice { get; private set; } = null!;

    public string LocationName { get; private set; } = "";

    public bool CanManage { get; private set; }

    /// "issue" or "delete": the step that asks before what cannot be undone.
    public string? Confirm { get; private set; }

    /// Why issuing was refused, shown in the issuing box.
    public string? IssueProblem { get; private set; }

    public IReadOnlyList<Related> CreditNotes { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> MemberNames { get; private set; } = new Dictionary<Guid, string>();

    public IReadOnlyList<CreditRow> CreditRows { get; private set; } = [];

    /// The form that was posted and came back with a problem ("credit" or "payment"): it shows the problems without a field.
    public string? Posted { get; private set; }

    public RecordPayment.Request Payment { get; private set; } = new();

    public DraftCreditNote.Request Credit { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync(string? confirm, CancellationToken ct)
    {
        Confirm = confirm is "issue" or "delete" ? confirm : null;
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostIssueAsync(CancellationToken ct)
    {
        var issued = await issue.HandleAsync(Id, await access.GetAsync(ct), ct);
        if (issued.IsOk)
        {
            TempData["Saved"] = (issued.Value.Kind == DocumentKind.Invoice ? l["Invoice {0} is issued.", issued.Value.Number!] : l["Credit note {0} is issued.", issued.Value.Number!]).Value;
            return Redirect($"/admin/invoices/{Id}");
        }
        switch (issued.Error)
        {
            case Common.Errors.NotFound:
                return NotFound();
            case Forbidden:
                return Forbid();
        }
        IssueProblem = l[issued.Error.Message];
        Confirm = "issue";
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        var deleted = await DeleteDraft.HandleAsync(Id, db, await access.GetAsync(ct), audit, ct);
        if (deleted.IsOk)
        {
            TempData["Saved"] = l["The draft is deleted."].Value;
            return Redirect("/admin/invoices");
        }
        switch (deleted.Error)
        {
            case Common.Errors.NotFound:
                return NotFound();
            case Forbidden:
                return Forbid();
        }
        TempData["Problem"] = l[deleted.Error.Message].Value;
        return Redirect($"/admin/invoices/{Id}");
    }

    /// The lines given a quantity are credited; a line left empty or at 0 is not.
    public async Task<IActionResult> OnPostCreditNoteAsync([Bind(Prefix = "Credit")] DraftCreditNote.Request request, CancellationToken ct)
    {
        Credit = request;
        var lines = request.Lines ?? [];
        var kept = Enumerable.Range(0, lines.Count).Where(i => lines[i].Quantity is { } q && q != 0).ToList();
        if (kept.Count == 0)
        {
            ModelState.AddModelError("Credit.Lines", l["Give the quantity to credit on at least one line."]);
        }
        if (ModelState.IsValid)
        {
            var drafted = await credit.HandleAsync(Id, request with { Lines = [.. kept.Select(i => lines[i])] }, await access.GetAsync(ct), ct);
            if (drafted.IsOk)
            {
                TempData["Saved"] = l["The credit note is drafted: check it, then issue it."].Value;
                return Redirect($"/admin/invoices/{drafted.Value}");
            }
            switch (drafted.Error)
            {
                case Common.Errors.NotFound:
                    return NotFound();
                case Forbidden:
                    return Forbid();
                case Invalid { Field: var field } when LineField().Match(field) is { Success: true } line:
                    ModelState.AddModelError($"Credit.Lines[{kept[int.Parse(line.Groups[1].Value, CultureInfo.InvariantCulture)]}].Quantity", l[drafted.Error.Message]);
                    break;
                default:
                    drafted.Error.AddTo(ModelState, l, "Credit");
                    break;
            }
        }
        Posted = "credit";
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostPaymentAsync([Bind(Prefix = "Payment")] RecordPayment.Request request, CancellationToken ct)
    {
        Payment = request;
        if (ModelState.IsValid)
        {
            var recorded = await record.HandleAsync(Id, request, await access.GetAsync(ct), ct);
            if (recorded.IsOk)
            {
                TempData["Saved"] = l["The payment is recorded."].Value;
                return Redirect($"/admin/invoices/{Id}#payments");
            }
            switch (recorded.Error)
            {
                case Common.Errors.NotFound:
                    return NotFound();
                case Forbidden:
                    return Forbid();
            }
            recorded.Error.AddTo(ModelState, l, "Payment");
        }
        Posted = "payment";
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public string? Message(string key) => ModelState[key]?.Errors.FirstOrDefault()?.ErrorMessage;

    /// The value as typed if it was posted, else the default one.
    public string Value(string key, string? fallback) => ModelState[key]?.AttemptedValue ?? fallback ?? "";

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        if (!await db.Invoices.VisibleTo(scope).AnyAsync(i => i.Id == Id, ct) || await InvoiceQueries.ResponseAsync(db, Id, clock, ct) is not { } invoice
            || !scope.CanSee(invoice.LocationId))
        {
            return false;
        }
        Invoice = invoice;
        CanManage = scope.CanManage(invoice.LocationId);
        LocationName = await db.Locations.Where(x => x.Id == invoice.LocationId).Select(x => x.Name).FirstAsync(ct);
        CreditNotes = await db.Invoices.AsNoTracking().Where(c => c.CorrectsInvoiceId == Id).OrderBy(c => c.CreatedAt)
            .Select(c => new Related(c.Id, c.Number, c.Status)).ToListAsync(ct);
        var memberIds = invoice.Lines.Select(x => x.MemberId).OfType<Guid>().Distinct().ToList();
        MemberNames = await db.Members.AsNoTracking().Where(m => memberIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.FirstName + " " + m.LastName, ct);
        if (invoice is { Kind: DocumentKind.Invoice, Status: InvoiceStatus.Issued } && CanManage)
        {
            var credited = await DraftCreditNote.CreditedAsync(db, [.. invoice.Lines.Select(x => x.Id)], ct);
            CreditRows = [.. invoice.Lines.Select(x => new CreditRow(x, x.Quantity - credited.GetValueOrDefault(x.Id)))];
        }
        return true;
    }

    [GeneratedRegex(@"^lines\[(\d+)\]\.\w+$")]
    private static partial Regex LineField();
}
