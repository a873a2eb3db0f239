using System.Globalization;
using Cotravail.Common.Audit;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Localization;
using Cotravail.Common.Web;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Offers.Admin;

/// Create or edit an offer: the same handlers as POST/PUT /api/v1/offers; what was typed comes back on error.
[Authorize(Policy = Policies.Manager)]
internal sealed class EditModel(AppDb db, Access access, AuditTrail audit, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    /// A VAT rate to choose: its value as the form sends it (in the page's culture) and its label.
    internal sealed record VatChoice(string Value, decimal Percent, string Label);

    [FromRoute]
    public Guid? Id { get; set; }

    [BindProperty]
    public OfferInput Input { get; set; } = new();

    /// The locations one may create an offer for.
    public IReadOnlyList<Choice> Locations { get; private set; } = [];

    /// Active locations, for the network offers' list of locations.
    public IReadOnlyList<Choice> NetworkLocations { get; private set; } = [];

    public IReadOnlyList<VatChoice> VatRates { get; private set; } = [];

    public bool IsNetworkAdmin { get; private set; }

    public bool IsActive { get; private set; } = true;

    public string? LocationName { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? locationId, CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        if (Id is { } id)
        {
            var offer = await db.Offers.VisibleTo(db, scope).AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(o => o.Id == id, ct);
            if (offer is null)
            {
                return NotFound();
            }
            if (!scope.CanManage(offer.LocationId))
            {
                return Forbid();
            }
            Input = OfferInput.From(offer);
            IsActive = offer.IsActive;
        }
        await LoadAsync(scope, ct);
        if (Id is null)
        {
            Input = new OfferInput
            {
                LocationId = locationId ?? (Locations.Count == 1 || !IsNetworkAdmin ? Locations.FirstOrDefault()?.Id : null),
                Kind = OfferKind.DayPass,
                VatPercent = VatRates.FirstOrDefault()?.Percent,
                ResourceKinds = [ResourceKind.HotDeskZone],
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        await LoadAsync(scope, ct);
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = Id is { } id
            ? await SaveOffer.UpdateAsync(id, Input, db, scope, audit, ct)
            : await SaveOffer.CreateAsync(Input, db, scope, clock, ct);
        if (result.Error is NotYourLocation refused)
        {
            ModelState.AddModelError("Input.LocationId", l[refused.Message]);
            return Page();
        }
        if (!result.IsOk)
        {
            return this.Show(result.Error, l);
        }
        TempData["Saved"] = l["Offer {0} saved.", result.Value.Name].Value;
        return Redirect($"/admin/offers/edit/{result.Value.Id}");
    }

    public async Task<IActionResult> OnPostStatusAsync(bool active, CancellationToken ct)
    {
        if (Id is not { } id)
        {
            return NotFound();
        }
        var result = await SaveOffer.SetActiveAsync(id, active, db, await access.GetAsync(ct), ct);
        if (!result.IsOk)
        {
            return result.Error is Common.Errors.NotFound ? NotFound() : Forbid();
        }
        TempData["Saved"] = (active ? l["{0} is active again.", result.Value.Name] : l["{0} is deactivated.", result.Value.Name]).Value;
        return Redirect($"/admin/offers/edit/{id}");
    }

    /// What the field shows: what was typed when the form comes back, else the value.
    public string Shown(string key, string? value) => ModelState[key]?.AttemptedValue ?? value ?? "";

    public string? MessageOf(string key) => ModelState[key]?.Errors.FirstOrDefault()?.ErrorMessage;

    public static string Amount(decimal? units) => units?.ToString("0.00", CultureInfo.CurrentCulture) ?? "";

    private async Task LoadAsync(AccessScope scope, CancellationToken ct)
    {
        IsNetworkAdmin = scope.IsNetworkAdmin;
        Locations = await LocationChoices.ListAsync(db, scope, manageableOnly: true, ct);
        NetworkLocations = IsNetworkAdmin
            ? await db.Locations.AsNoTracking().Where(x => x.IsActive).OrderBy(x => x.Name).Select(x => new Choice(x.Id, x.Name)).ToListAsync(ct)
            : [];
        LocationName = Input.LocationId is { } owner ? Locations.FirstOrDefault(c => c.Id == owner)?.Name : null;
        // the rates of the locations one manages (all active ones for a network admin); the handler checks the offer's own
        var ids = Locations.Select(c => c.Id).ToList();
        var rates = await db.Locations.AsNoTracking().Where(x => ids.Contains(x.Id) && (x.IsActive || !IsNetworkAdmin))
            .SelectMany(x => x.VatRates).Select(v => new { v.MilliPercent, v.Label }).ToListAsync(ct);
        VatRates = [.. rates.GroupBy(r => r.MilliPercent).OrderByDescending(g => g.Key).Select(g =>
        {
            var percent = VatRate.Percent(g.Key);
            return new VatChoice(percent.ToString("0.###", CultureInfo.CurrentCulture), percent, $"{percent.ToString("0.###", CultureInfo.CurrentCulture)} % ({g.First().Label})");
        })];
    }
}
