using System.Globalization;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Common.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Resources;

namespace Cotravail.Modules.Bookings;

/// /me/bookings/{id}/change: a new date, times or resource (of the same location) for a booking, through
/// the same handlers as PATCH /api/v1/bookings/{id} and …/following (for "this and following" of a series).
internal sealed class ChangeModel(AppDb db, Access access, ChangeFollowing following, ChangeBooking change, IStringLocalizer<SharedResource> l) : PageModel
{
    internal sealed record ChangeInput
    {
        public Guid? ResourceId { get; init; }

        public string? Date { get; init; }

        public string? From { get; init; }

        public string? To { get; init; }

        /// "this" or "following" (series only).
        public string? Scope { get; init; }
    }

    internal sealed record Option(Guid Id, string Name);

    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public ChangeInput Input { get; set; } = new();

    public string ResourceName { get; private set; } = "";

    public string TimeZone { get; private set; } = "";

    public bool InSeries { get; private set; }

    public IReadOnlyList<Option> Resources { get; private set; } = [];

    private DateTime occurrenceDate;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(true, ct))
        {
            return NotFound();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(false, ct))
        {
            return NotFound();
        }
        var scope = await access.GetAsync(ct);
        if (InSeries && Input.Scope == "following")
        {
            if (Input.Date != occurrenceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            {
                ModelState.AddModelError("Input.Date", l["To move the date, change this occurrence alone."]);
                return Page();
            }
            var many = await following.HandleAsync(Id, new ChangeFollowing.Request { StartTime = Input.From, EndTime = Input.To, ResourceId = Input.ResourceId }, scope, ct);
            if (!many.IsOk)
            {
                return Show(many.Error);
            }
            TempData["Booked"] = l["{0} bookings changed.", many.Value.Changed.Count].Value;
            return Redirect("/me/bookings");
        }
        var request = new ChangeBooking.Request { Start = $"{Input.Date}T{Input.From}", End = $"{Input.Date}T{Input.To}", ResourceId = Input.ResourceId };
        var changed = await change.HandleAsync(Id, request, scope, ct);
        if (!changed.IsOk)
        {
            return Show(changed.Error);
        }
        TempData["Booked"] = l["Your booking of {0} is changed.", changed.Value.ResourceName].Value;
        return Redirect("/me/bookings");
    }

    private IActionResult Show(Error error)
    {
        if (error is NotFound)
        {
            return NotFound();
        }
        if (error is ListedConflict listed)
        {
            ModelState.AddModelError("", $"{l[listed.Reason, listed.Count]} {string.Join(", ", listed.Items)}");
            return Page();
        }
        if (error is Invalid { Field: "resourceId" } or Conflict { Field: "resourceId" })
        {
            ModelState.AddModelError("Input.ResourceId", l[error.Message]);
            return Page();
        }
        PageBooking.AddTo(error, ModelState, l, "Input.");
        return Page();
    }

    /// The booking as the caller may see it, its location's bookable resources, and (on GET) the form filled with it.
    private async Task<bool> LoadAsync(bool fill, CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        var booking = await db.Bookings.VisibleTo(db, scope).AsNoTracking().Where(b => b.Id == Id)
            .Select(b => new
            {
                b.ResourceId, b.LocationId, b.Start, b.End, b.SeriesId,
                Resource = db.Set<Resource>().Where(r => r.Id == b.ResourceId).Select(r => r.Name).First(),
                Zone = db.Set<Location>().Where(x => x.Id == b.LocationId).Select(x => x.TimeZone).First(),
            })
            .FirstOrDefaultAsync(ct);
        if (booking is null)
        {
            return false;
        }
        var zone = TimeZoneInfo.FindSystemTimeZoneById(booking.Zone);
        var (start, end) = (WallClock.ToLocal(booking.Start, zone), WallClock.ToLocal(booking.End, zone));
        (ResourceName, TimeZone, InSeries, occurrenceDate) = (booking.Resource, booking.Zone, booking.SeriesId is not null, start.Date);
        Resources = await db.Resources.AsNoTracking().Where(r => r.LocationId == booking.LocationId && r.IsActive)
            .OrderBy(r => r.Name).Select(r => new Option(r.Id, r.Name)).ToListAsync(ct);
        if (fill)
        {
            Input = new ChangeInput
            {
                ResourceId = booking.ResourceId,
                Date = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                From = start.ToString("HH:mm", CultureInfo.InvariantCulture),
                To = end.ToString("HH:mm", CultureInfo.InvariantCulture),
                Scope = "this",
            };
        }
        return true;
    }
}
