using System.Globalization;
using Cotravail.Common.Audit;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Localization;
using Cotravail.Common.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Locations.Photos;

namespace Cotravail.Modules.Resources.Admin;

/// Create or edit a resource: the same handlers as POST/PUT /api/v1/resources.
[Authorize(Policy = Policies.Manager)]
[RequestSizeLimit(PhotosModule.UploadLimit)]
internal sealed class EditModel(AppDb db, Access access, AuditTrail audit, TimeProvider clock, IEnumerable<IResourceKindGuard> kindGuards, IStringLocalizer<SharedResource> l)
    : PageModel
{
    internal sealed record PriceField(string Name, string Label, string? Value);

    /// A whole-number booking rule: its input is named Input.Policy.{Name}; a text input, so what was typed comes back as typed.
    internal sealed record PolicyField(string Name, string Label, string? Value);

    [FromRoute]
    public Guid? Id { get; set; }

    [BindProperty]
    public ResourceInput Input { get; set; } = new();

    /// Its own opening hours, a row a weekday; all empty: the location's.
    [BindProperty]
    public List<WeekRow> Week { get; set; } = WeekRow.Of([]);

    public IReadOnlyList<Choice> Locations { get; private set; } = [];

    public bool IsActive { get; private set; } = true;

    public IReadOnlyList<PhotoResponse> Photos { get; private set; } = [];

    public IReadOnlyList<PriceField> PriceFields =>
    [
        Price(nameof(ResourceInput.MemberHourly), "Member price per hour", Input.MemberHourly),
        Price(nameof(ResourceInput.MemberHalfDay), "Member price per half-day", Input.MemberHalfDay),
        Price(nameof(ResourceInput.MemberDay), "Member price per day", Input.MemberDay),
        Price(nameof(ResourceInput.NonMemberHourly), "Non-member price per hour", Input.NonMemberHourly),
        Price(nameof(ResourceInput.NonMemberHalfDay), "Non-member price per half-day", Input.NonMemberHalfDay),
        Price(nameof(ResourceInput.NonMemberDay), "Non-member price per day", Input.NonMemberDay),
    ];

    /// The booking rules shown: as posted, as stored, or the defaults for a new resource.
    public BookingPolicyInput Policy => Input.Policy ?? BookingPolicyInput.From(BookingPolicy.Default);

    public IReadOnlyList<PolicyField> PolicyFields =>
    [
        Rule(nameof(BookingPolicyInput.MinMinutes), "Shortest booking (minutes)", Policy.MinMinutes),
        Rule(nameof(BookingPolicyInput.MaxMinutes), "Longest booking (minutes)", Policy.MaxMinutes),
        Rule(nameof(BookingPolicyInput.SetupMinutes), "Set-up time (minutes)", Policy.SetupMinutes),
        Rule(nameof(BookingPolicyInput.CleanupMinutes), "Clean-up time (minutes)", Policy.CleanupMinutes),
        Rule(nameof(BookingPolicyInput.WindowDays), "Booking window (days ahead)", Policy.WindowDays),
        Rule(nameof(BookingPolicyInput.CheckInMinutes), "Check-in within (minutes after the start)", Policy.CheckInMinutes),
        Rule(nameof(BookingPolicyInput.FreeCancellationHours), "Free cancellation until (hours before)", Policy.FreeCancellationHours),
        Rule(nameof(BookingPolicyInput.LateCancellationPercent), "Late-cancellation fee (% of the price)", Policy.LateCancellationPercent),
        Rule(nameof(BookingPolicyInput.MaxHoursPerWeek), "Hours per member per week", Policy.MaxHoursPerWeek),
        Rule(nameof(BookingPolicyInput.MaxBookingsPerWeek), "Bookings per member per week", Policy.MaxBookingsPerWeek),
    ];

    public PolicyField OfferField => Rule(nameof(BookingPolicyInput.OfferMinutes), "Waitlist offer held for (minutes)", Policy.OfferMinutes);

    public async Task<IActionResult> OnGetAsync(Guid? locationId, CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        Locations = await LocationChoices.ListAsync(db, scope, manageableOnly: true, ct);
        if (Id is { } id)
        {
            var resource = await db.Resources.VisibleTo(db, scope).AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
            if (resource is null)
            {
                return NotFound();
            }
            if (!scope.CanManage(resource.LocationId))
            {
                return Forbid();
            }
            Input = ResourceInput.From(resource);
            Week = WeekRow.Of(Input.OpeningHours ?? []);
            IsActive = resource.IsActive;
            Photos = (await ResourcePhotos.ListAsync(id, db, scope, ct)).Value ?? [];
        }
        else
        {
            Input = new ResourceInput
            {
                LocationId = locationId ?? (Locations.Count == 1 ? Locations[0].Id : null),
                Policy = BookingPolicyInput.From(BookingPolicy.Default),
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        Locations = await LocationChoices.ListAsync(db, scope, manageableOnly: true, ct);
        // The week table becomes the input the API takes, checked by the same rules as a location's week.
        Input = Input with { OpeningHours = WeekRow.Periods(Week) };
        foreach (var error in OpeningWeek.Validate(Input.OpeningHours, nameof(Week), l))
        {
            ModelState.AddModelError(nameof(Week), error.ErrorMessage ?? "");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = Id is { } id
            ? await SaveResource.UpdateAsync(id, Input, db, scope, audit, clock, kindGuards, ct)
            : await SaveResource.CreateAsync(Input, db, scope, clock, ct);
        if (!result.IsOk)
        {
            return this.Show(result.Error, l);
        }
        TempData["Saved"] = l["Resource {0} saved.", result.Value.Name].Value;
        return Redirect($"/admin/resources/edit/{result.Value.Id}");
    }

    public async Task<IActionResult> OnPostStatusAsync(bool active, CancellationToken ct)
    {
        if (Id is not { } id)
        {
            return NotFound();
        }
        var result = await SaveResource.SetActiveAsync(id, active, db, await access.GetAsync(ct), ct);
        if (!result.IsOk)
        {
            return this.Show(result.Error, l);
        }
        TempData["Saved"] = (active ? l["{0} is active again.", result.Value.Name] : l["{0} is deactivated.", result.Value.Name]).Value;
        return Redirect($"/admin/resources/edit/{id}");
    }

    /// The same handler as POST /api/v1/resources/{id}/photos; a refused file is named by the upload field.
    public async Task<IActionResult> OnPostPhotoAsync(IFormFile? photo, CancellationToken ct)
    {
        if (Id is not { } id)
        {
            return NotFound();
        }
        var result = await ResourcePhotos.AddAsync(id, photo, db, await access.GetAsync(ct), clock, ct);
        if (result.IsOk)
        {
            TempData["Saved"] = l["Photo added."].Value;
            return Redirect($"/admin/resources/edit/{id}#photos");
        }
        if (result.Error is Common.Errors.NotFound or Common.Errors.Forbidden)
        {
            return this.Show(result.Error, l);
        }
        ModelState.Clear();
        var page = await OnGetAsync(null, ct);
        ModelState.AddModelError(ManagePhotos.Field, l[result.Error.Message]);
        return page;
    }

    public async Task<IActionResult> OnPostDeletePhotoAsync(Guid photoId, CancellationToken ct)
    {
        if (Id is not { } id)
        {
            return NotFound();
        }
        var result = await ResourcePhotos.DeleteAsync(id, photoId, db, await access.GetAsync(ct), ct);
        if (!result.IsOk)
        {
            return this.Show(result.Error, l);
        }
        TempData["Saved"] = l["Photo removed."].Value;
        return Redirect($"/admin/resources/edit/{id}#photos");
    }

    // What was typed comes back as typed, even when it could not be read as a number.
    private PriceField Price(string name, string label, decimal? value) =>
        new(name, label, ModelState[$"Input.{name}"]?.AttemptedValue ?? value?.ToString("0.00", CultureInfo.CurrentCulture));

    private PolicyField Rule(string name, string label, int? value) =>
        new(name, label, ModelState[$"Input.Policy.{name}"]?.AttemptedValue ?? value?.ToString(CultureInfo.InvariantCulture));
}
