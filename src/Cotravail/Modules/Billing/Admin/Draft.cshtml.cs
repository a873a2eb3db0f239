using System.Globalization;
using System.Text.RegularExpressions;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Common.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Billing.Admin;

/// /admin/invoices/new and /admin/invoices/{id}/edit: the draft form, bound to DraftInput and saved by SaveDraft
/// (POST and PUT /api/v1/invoices). Without JavaScript the form shows the lines and three empty rows; rows left
/// empty (no description, no price) are dropped before saving, and "Add lines" gives three more, nothing lost.
[Authorize(Policy = Policies.Manager)]
internal sealed partial class DraftModel(AppDb db, Access access, SaveDraft save, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int EmptyRows = 3;

    [FromRoute]
    public Guid? Id { get; set; }

    [BindProperty]
    public DraftInput Input { get; set; } = new();

    /// How many line rows the form shows: the lines as posted or stored, then empty ones.
    public int Rows { get; private set; } = EmptyRows;

    public DraftChoices Choices { get; private set; } = DraftChoices.None;

    public async Task<IActionResult> OnGetAsync(Guid? locationId, CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        if (Id is { } id)
        {
            var draft = await InvoiceQueries.ResponseAsync(db, id, clock, ct);
            if (draft is null || !scope.CanSee(draft.LocationId))
            {
                return NotFound();
            }
            if (!scope.CanManage(draft.LocationId))
            {
                return Forbid();
            }
            if (draft.Status != InvoiceStatus.Draft)
            {
                TempData["Problem"] = l[BillingMessages.AlreadyIssued].Value;
                return Redirect($"/admin/invoices/{id}");
            }
            Input = await DraftChoices.InputOfAsync(db, draft, ct);
        }
        else
        {
            Input = new DraftInput { LocationId = locationId, Language = "fr" };
        }
        Choices = await DraftChoices.LoadAsync(db, scope, Input, ct);
        if (Input.LocationId is null && Choices.Locations.Count == 1)
        {
            Input = Input with { LocationId = Choices.Locations[0].Id };
        }
        Rows = Input.Lines.Count + EmptyRows;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        // Each line kept, with the row it was typed in, so the handler's "lines[1].quantity" is shown by that row.
        var kept = Enumerable.Range(0, Input.Lines.Count).Where(i => !IsEmpty(i)).ToList();
        foreach (var empty in Enumerable.Range(0, Input.Lines.Count).Except(kept))
        {
            Forget($"Input.Lines[{empty}]");
        }
        if (kept.Count == 0)
        {
            ModelState.AddModelError("Input.Lines", l[BillingMessages.NoLines]);
        }
        if (ModelState.Values.All(v => v.Errors.Count == 0))
        {
            var result = await save.HandleAsync(Id, Input with { Lines = [.. kept.Select(i => Input.Lines[i])] }, scope, ct);
            if (result.IsOk)
            {
                TempData["Saved"] = l["The draft is saved. Check it, then issue it."].Value;
                return Redirect($"/admin/invoices/{result.Value}");
            }
            switch (result.Error)
            {
                case Common.Errors.NotFound:
                    return NotFound();
                case Forbidden:
                    return Forbid();
                case Invalid { Field: var field } when LineField().Match(field) is { Success: true } line:
                    var row = kept[int.Parse(line.Groups[1].Value, CultureInfo.InvariantCulture)];
                    ModelState.AddModelError($"Input.Lines[{row}].{char.ToUpperInvariant(line.Groups[2].Value[0])}{line.Groups[2].Value[1..]}", l[result.Error.Message]);
                    break;
                default:
                    result.Error.AddTo(ModelState, l);
                    break;
            }
        }
        Choices = await DraftChoices.LoadAsync(db, scope, Input, ct);
        Rows = Math.Max(Input.Lines.Count, 1);
        return Page();
    }

    /// Three more empty rows; what was typed is shown again as typed, without messages yet.
    public async Task<IActionResult> OnPostAddLinesAsync(CancellationToken ct)
    {
        foreach (var entry in ModelState.Values)
        {
            entry.Errors.Clear();
        }
        Choices = await DraftChoices.LoadAsync(db, await access.GetAsync(ct), Input, ct);
        Rows = Input.Lines.Count + EmptyRows;
        return Page();
    }

    /// The value as typed if it was posted, else the stored or default one.
    public string Value(string key, string? stored) => ModelState[key]?.AttemptedValue ?? stored ?? "";

    public string? Message(string key) => ModelState[key]?.Errors.FirstOrDefault()?.ErrorMessage;

    /// A row neither described nor priced is an empty row of the form, not a line.
    private bool IsEmpty(int row) =>
        string.IsNullOrWhiteSpace(Input.Lines[row].Description) && string.IsNullOrWhiteSpace(ModelState[$"Input.Lines[{row}].UnitPrice"]?.AttemptedValue);

    /// The row's messages go (it is not a line); what was typed stays, so the row is shown again as it was.
    private void Forget(string prefix)
    {
        foreach (var entry in ModelState.Where(e => e.Key == prefix || e.Key.StartsWith(prefix + ".", StringComparison.Ordinal)))
        {
            entry.Value?.Errors.Clear();
        }
    }

    [GeneratedRegex(@"^lines\[(\d+)\]\.(\w+)$")]
    private static partial Regex LineField();
}
