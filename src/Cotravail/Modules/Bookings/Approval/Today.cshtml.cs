using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Common.Localization;
using Cotravail.Common.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Members;
using Cotravail.Modules.Resources;

namespace Cotravail.Modules.Bookings;

/// /admin/today: the front desk's day at one location — today's bookings in local time order, with
/// check-in for everyone on staff and approve/decline of pending requests for managers.
[Authorize(Policy = Policies.Staff)]
internal sealed class TodayModel(AppDb db, Access access, DecideBooking decide, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    internal enum Arrival
    {
        ToCome,
        CheckedIn,
        Released,
        Pending,
    }

    internal sealed record Line(Guid Id, string Resource, string Member, DateTime LocalStart, DateTime LocalEnd, Arrival State, bool CanCheckIn);

    public IReadOnlyList<Choice> Locations { get; private set; } = [];

    public Guid LocationId { get; private set; }

    public string LocationName { get; private set; } = "";

    public DateOnly Day { get; private set; }

    public bool CanDecide { get; private set; }

    public IReadOnlyList<Line> Lines { get; private set; } = [];

    public int Expected => Lines.Count(b => b.State == Arrival.ToCome);

    public int CheckedIn => Lines.Count(b => b.State == Arrival.CheckedIn);

    public int Released => Lines.Count(b => b.State == Arrival.Released);

    public static string StateText(Arrival state) => state switch
    {
        Arrival.ToCome => "To come",
        Arrival.CheckedIn => "Checked in",
        Arrival.Released => "No-show, released",
        _ => "Pending approval",
    };

    public async Task<IActionResult> OnGetAsync(Guid? locationId, CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        Locations = [.. (await LocationChoices.ListAsync(db, scope, manageableOnly: false, ct)).Where(c => scope.CanSee(c.Id))];
        var chosen = locationId ?? (Locations.Count > 0 ? Locations[0].Id : (Guid?)null);
        if (chosen is not { } id || !scope.CanSee(id))
        {
            return NotFound();
        }
        var location = await db.Locations.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.Name, x.TimeZone }).FirstOrDefaultAsync(ct);
        if (location is null)
        {
            return NotFound();
        }
        (LocationId, LocationName, CanDecide) = (id, location.Name, scope.CanManage(id));
        var zone = TimeZoneInfo.FindSystemTimeZoneById(location.TimeZone);
        var now = clock.GetUtcNow().UtcDateTime;
        Day = DateOnly.FromDateTime(WallClock.ToLocal(now, zone));
        var (from, to) = (now.AddHours(-40), now.AddHours(40));
        var rows = await db.Bookings.AsNoTracking()
            .Where(b => b.LocationId == id && b.Start < to && b.End > from)
            .Where(b => b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.Pending || b.Status == BookingStatus.Released)
            .OrderBy(b => b.Start)
            .Select(b => new
            {
                b.Id,
                b.Start,
                b.End,
                b.Status,
                b.CheckedInAt,
                Resource = db.Set<Resource>().Where(r => r.Id == b.ResourceId).Select(r => r.Name).First(),
                Member = db.Set<Member>().Where(m => m.Id == b.MemberId).Select(m => m.FirstName + " " + m.LastName).FirstOrDefault(),
            })
            .Take(500)
            .ToListAsync(ct);
        Lines = [.. rows
            .Select(r => (Row: r, Start: WallClock.ToLocal(r.Start, zone), End: WallClock.ToLocal(r.End, zone)))
            .Where(r => DateOnly.FromDateTime(r.Start) == Day)
            .Select(r => new Line(
                r.Row.Id, r.Row.Resource, r.Row.Member ?? l["Non-member"], r.Start, r.End,
                r.Row.Status switch
                {
                    BookingStatus.Pending => Arrival.Pending,
                    BookingStatus.Released => Arrival.Released,
                    _ => r.Row.CheckedInAt is null ? Arrival.ToCome : Arrival.CheckedIn,
                },
                r.Row.Status == BookingStatus.Confirmed && r.Row.CheckedInAt is null && now >= r.Row.Start - Booking.CheckInOpens && now < r.Row.End))];
        return Page();
    }

    public async Task<IActionResult> OnPostCheckInAsync(Guid id, Guid locationId, CancellationToken ct)
    {
        var checkedIn = await CheckInBooking.HandleAsync(id, db, await access.GetAsync(ct), clock, ct);
        DeskNotice.Tell(TempData, l, checkedIn, l["{0} is checked in.", checkedIn.IsOk ? checkedIn.Value.ResourceName : ""].Value);
        return Redirect($"/admin/today?locationId={locationId}");
    }

    public async Task<IActionResult> OnPostDecideAsync(Guid id, Guid locationId, bool approve, CancellationToken ct)
    {
        var decided = await decide.HandleAsync(id, approve, await access.GetAsync(ct), ct);
        if (!decided.IsOk && decided.Error is Forbidden)
        {
            return Forbid();
        }
        DeskNotice.Tell(TempData, l, decided, approve ? l["The request is approved."].Value : l["The request is declined."].Value);
        return Redirect($"/admin/today?locationId={locationId}");
    }
}
