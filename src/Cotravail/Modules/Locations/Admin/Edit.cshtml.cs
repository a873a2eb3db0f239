using System.Globalization;
using Cotravail.Common.Audit;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Common.Localization;
using Cotravail.Common.Web;
using Cotravail.Modules.Locations.Photos;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Locations.Admin;

/// Create or edit a location: the same handlers as POST/PUT /api/v1/locations.
[Authorize(Policy = Policies.Manager)]
[RequestSizeLimit(PhotosModule.UploadLimit)]
internal sealed class EditModel(AppDb db, Access access, TimeProvider clock, AuditTrail audit, ITimeZoneChange zoneChange, IStringLocalizer<SharedResource> l)
    : PageModel
{
    [FromRoute]
    public Guid? Id { get; set; }

    [BindProperty]
    public LocationInput Input { get; set; } = new() { VatRates = [new() { Label = "Normal", Percent = 20 }] };

    [BindProperty]
    public List<WeekRow> Week { get; set; } = [];

    [BindProperty]
    public string? ClosedDaysText { get; set; }

    [BindProperty]
    public string? VatRatesText { get; set; }

    public bool IsActive { get; private set; } = true;

    public bool CanChangeStatus { get; private set; }

    public IReadOnlyList<PhotoResponse> Photos { get; private set; } = [];

    /// Future active bookings: a time-zone change then needs the choice of what they keep.
    public int FutureBookingCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        CanChangeStatus = scope.IsNetworkAdmin;
        if (Id is { } id)
        {
            var location = await db.Locations.VisibleTo(scope).AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
            if (location is null)
            {
                return NotFound();
            }
            if (!scope.CanManage(id))
            {
                return Forbid();
            }
            Input = LocationInput.From(location);
            IsActive = location.IsActive;
            Photos = await ManagePhotos.ListOfAsync(db, id, location.Slug, ct);
            FutureBookingCount = await zoneChange.CountFutureAsync(db, id, clock.GetUtcNow().UtcDateTime);
        }
        else if (!scope.IsNetworkAdmin)
        {
            return Forbid();
        }
        Week = WeekRow.Of(Input.OpeningHours);
        ClosedDaysText = string.Join('\n', Input.ClosedDays.Select(c => $"{c.Date:yyyy-MM-dd} {c.Reason}".Trim()));
        VatRatesText = string.Join('\n', Input.VatRates.Select(v => $"{v.Percent.ToString("0.###", CultureInfo.InvariantCulture)} {v.Label}"));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        CanChangeStatus = scope.IsNetworkAdmin;
        var closedDays = ParseClosedDays();
        var vatRates = ParseVatRates();
        // The week table and text areas become the same input the API takes, validated the same way.
        Input = Input with
        {
            OpeningHours = WeekRow.Periods(Week),
            ClosedDays = closedDays ?? [],
            VatRates = vatRates ?? [],
        };
        // Binding errors ("abc" in a number) stay in ModelState with what was typed; the validator adds the rest.
        foreach (var (field, messages) in LocalizedValidator.Validate(Input, l, HttpContext.RequestServices))
        {
            var key = field.StartsWith("openingHours", StringComparison.Ordinal) ? nameof(Week)
                : field.StartsWith("vatRates", StringComparison.Ordinal) ? nameof(VatRatesText)
                : field.Length == 0 ? "" : $"{nameof(Input)}.{char.ToUpperInvariant(field[0])}{field[1..]}";
            if (ModelState[key] is { Errors.Count: > 0 })
            {
                continue;
            }
            foreach (var message in messages)
            {
                ModelState.AddModelError(key, message);
            }
        }
        if (closedDays is null)
        {
            ModelState.AddModelError(nameof(ClosedDaysText), l["Write one closed day per line: YYYY-MM-DD then the reason."]);
        }
        if (vatRates is null)
        {
            ModelState.AddModelError(nameof(VatRatesText), l["Write one rate per line: the percentage then its label."]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = Id is { } id
            ? await UpdateLocation.HandleAsync(id, Input, db, scope, audit, clock, zoneChange, ct)
            : await CreateLocation.HandleAsync(Input, db, scope, clock, ct);
        if (Id is { } edited)
        {
            FutureBookingCount = await zoneChange.CountFutureAsync(db, edited, clock.GetUtcNow().UtcDateTime);
        }
        if (result.Error is ListedConflict conflict)
        {
            var message = l[conflict.Reason, conflict.Count].Value;
            ModelState.AddModelError("Input.TimeZone", conflict.Items.Count == 0 ? message : $"{message} {string.Join(", ", conflict.Items)}");
            return Page();
        }
        if (!result.IsOk)
        {
            return this.Show(result.Error, l);
        }
        TempData["Saved"] = l["Location {0} saved.", result.Value.Name].Value;
        return Redirect($"/admin/locations/edit/{result.Value.Id}");
    }

    public async Task<IActionResult> OnPostStatusAsync(bool active, CancellationToken ct)
    {
        if (Id is not { } id)
        {
            return NotFound();
        }
        var result = await SetLocationActive.HandleAsync(id, active, db, await access.GetAsync(ct), ct);
        if (!result.IsOk)
        {
            return this.Show(result.Error, l);
        }
        TempData["Saved"] = (active ? l["{0} is active again.", result.Value.Name] : l["{0} is deactivated.", result.Value.Name]).Value;
        return Redirect($"/admin/locations/edit/{id}");
    }

    /// The same handler as POST /api/v1/locations/{id}/photos; a refused file is named by the upload field.
    public async Task<IActionResult> OnPostPhotoAsync(IFormFile? photo, CancellationToken ct)
    {
        if (Id is not { } id)
        {
            return NotFound();
        }
        var result = await ManagePhotos.AddAsync(id, photo, db, await access.GetAsync(ct), clock, ct);
        if (!result.IsOk)
        {
            return await RedisplayAsync(result.Error, ct);
        }
        TempData["Saved"] = l["Photo added."].Value;
        return Redirect($"/admin/locations/edit/{id}#photos");
    }

    public async Task<IActionResult> OnPostDeletePhotoAsync(Guid photoId, CancellationToken ct)
    {
        if (Id is not { } id)
        {
            return NotFound();
        }
        var result = await ManagePhotos.DeleteAsync(id, photoId, db, await access.GetAsync(ct), ct);
        if (!result.IsOk)
        {
            return this.Show(result.Error, l);
        }
        TempData["Saved"] = l["Photo removed."].Value;
        return Redirect($"/admin/locations/edit/{id}#photos");
    }

    private async Task<IActionResult> RedisplayAsync(Error error, CancellationToken ct)
    {
        if (error is Common.Errors.NotFound or Common.Errors.Forbidden)
        {
            return this.Show(error, l);
        }
        ModelState.Clear();
        var page = await OnGetAsync(ct);
        ModelState.AddModelError(ManagePhotos.Field, l[error.Message]);
        return page;
    }

    private List<ClosedDayInput>? ParseClosedDays()
    {
        var days = new List<ClosedDayInput>();
        foreach (var line in Lines(ClosedDaysText))
        {
            var parts = line.Split(' ', 2, StringSplitOptions.TrimEntries);
            if (!DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return null;
            }
            days.Add(new ClosedDayInput { Date = date, Reason = parts.Length > 1 ? parts[1] : null });
        }
        return days;
    }

    private List<VatRateInput>? ParseVatRates()
    {
        var rates = new List<VatRateInput>();
        foreach (var line in Lines(VatRatesText))
        {
            var parts = line.Split(' ', 2, StringSplitOptions.TrimEntries);
            var number = parts[0].TrimEnd('%').Replace(',', '.');
            if (!decimal.TryParse(number, NumberStyles.Number, CultureInfo.InvariantCulture, out var percent))
            {
                return null;
            }
            rates.Add(new VatRateInput { Percent = percent, Label = parts.Length > 1 ? parts[1] : "" });
        }
        return rates;
    }

    private static IEnumerable<string> Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
