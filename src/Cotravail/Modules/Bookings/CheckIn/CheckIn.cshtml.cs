using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Localization;
using Cotravail.Modules.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Cotravail.Modules.Locations;

namespace Cotravail.Modules.Bookings;

/// /check-in/{resourceId}: where the resource's QR code leads. Shows the caller's booking of that
/// resource open for check-in now, and checks it in through the same handler as the API.
internal sealed class CheckInModel(AppDb db, Access access, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    internal sealed record Open(Guid Id, DateTime LocalStart, DateTime LocalEnd, bool CheckedIn);

    [FromRoute]
    public Guid ResourceId { get; set; }

    public string Resource { get; private set; } = "";

    public string Location { get; private set; } = "";

    public Open? Booking { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid bookingId, CancellationToken ct)
    {
        var checkedIn = await CheckInBooking.HandleAsync(bookingId, db, await access.GetAsync(ct), clock, ct);
        TempData[checkedIn.IsOk ? "CheckedIn" : "Problem"] = checkedIn.IsOk
            ? l["You are checked in to {0}.", checkedIn.Value.ResourceName].Value
            : checkedIn.Error is Common.Errors.NotFound ? l["{0} was not found.", l["Booking"]].Value : l[checkedIn.Error.Message].Value;
        return Redirect($"/check-in/{ResourceId}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        var resource = await db.Resources.VisibleTo(db, scope).AsNoTracking().Where(r => r.Id == ResourceId)
            .Select(r => new
            {
                r.Name,
                Location = db.Set<Location>().Where(x => x.Id == r.LocationId).Select(x => x.Name).First(),
                TimeZone = db.Set<Location>().Where(x => x.Id == r.LocationId).Select(x => x.TimeZone).First(),
            })
            .FirstOrDefaultAsync(ct);
        if (resource is null)
        {
            return false;
        }
        (Resource, Location) = (resource.Name, resource.Location);
        var now = clock.GetUtcNow().UtcDateTime;
        var opensBy = now + Bookings.Booking.CheckInOpens;
        var (user, member) = (scope.UserId, scope.MemberId);
        var booking = await db.Bookings.AsNoTracking()
            .Where(b => b.ResourceId == ResourceId && (b.BookedByUserId == user || (member != null && b.MemberId == member)))
            .Where(b => b.Status == BookingStatus.Confirmed && b.Start <= opensBy && b.End > now)
            .OrderBy(b => b.Start)
            .Select(b => new { b.Id, b.Start, b.End, b.CheckedInAt })
            .FirstOrDefaultAsync(ct);
        if (booking is not null)
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(resource.TimeZone);
            Booking = new Open(booking.Id, WallClock.ToLocal(booking.Start, zone), WallClock.ToLocal(booking.End, zone), booking.CheckedInAt is not null);
        }
        return true;
    }
}
