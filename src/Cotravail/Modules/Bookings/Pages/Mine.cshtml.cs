using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Bookings.Pages;

/// /me/bookings: my coming bookings with a cancel button, and the recent past ones below.
internal sealed class MineModel(AppDb db, Access access, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    internal sealed record Line(
        Guid Id, string Resource, string Location, string Slug, DateTime LocalStart, DateTime LocalEnd, string TimeZone,
        decimal Price, string Currency, BookingStatus Status, bool Checkable = false, bool CheckedIn = false)
    {
        /// The location's wall clock now: a booking can be changed until it starts.
        public DateTime LocalNow { get; init; }
    }

    public IReadOnlyList<Line> Coming { get; private set; } = [];

    public IReadOnlyList<Line> Past { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var (user, member) = (scope.UserId, scope.MemberId);
        var mine = db.Bookings.AsNoTracking().Where(b => b.BookedByUserId == user || (member != null && b.MemberId == member));
        Coming = Lines(await Rows(mine.Where(b => b.End > now).OrderBy(b => b.Start)).Take(100).ToListAsync(ct), now);
        Past = Lines(await Rows(mine.Where(b => b.End <= now).OrderByDescending(b => b.Start)).Take(50).ToListAsync(ct), now);
    }

    public async Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken ct)
    {
        var cancelled = await CancelBooking.HandleAsync(id, db, await access.GetAsync(ct), clock, ct);
        TempData[cancelled.IsOk ? "Booked" : "Problem"] = cancelled.IsOk
            ? l["Your booking of {0} is cancelled.", cancelled.Value.ResourceName].Value
            : cancelled.Error is Common.Errors.NotFound ? l["{0} was not found.", l["Booking"]].Value : l[cancelled.Error.Message].Value;
        return Redirect("/me/bookings");
    }

    public async Task<IActionResult> OnPostCheckInAsync(Guid id, CancellationToken ct)
    {
        var checkedIn = await CheckInBooking.HandleAsync(id, db, await access.GetAsync(ct), clock, ct);
        TempData[checkedIn.IsOk ? "Booked" : "Problem"] = checkedIn.IsOk
            ? l["You are checked in to {0}.", checkedIn.Value.ResourceName].Value
            : checkedIn.Error is Common.Errors.NotFound ? l["{0} was not found.", l["Booking"]].Value : l[checkedIn.Error.Message].Value;
        return Redirect("/me/bookings");
    }

    private sealed record Row(Guid Id, string Resource, string Location, string Slug, DateTime Start, DateTime End, string TimeZone, long Cents, string Currency, BookingStatus Status, DateTime? CheckedInAt);

    private IQueryable<Row> Rows(IQueryable<Booking> bookings) => bookings.Select(b => new Row(
        b.Id,
        db.Resources.Where(r => r.Id == b.ResourceId).Select(r => r.Name).First(),
        db.Locations.Where(x => x.Id == b.LocationId).Select(x => x.Name).First(),
        db.Locations.Where(x => x.Id == b.LocationId).Select(x => x.Slug).First(),
        b.Start, b.End,
        db.Locations.Where(x => x.Id == b.LocationId).Select(x => x.TimeZone).First(),
        b.PriceCents, b.Currency, b.Status, b.CheckedInAt));

    private static List<Line> Lines(List<Row> rows, DateTime now) => [.. rows.Select(r =>
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(r.TimeZone);
        return new Line(r.Id, r.Resource, r.Location, r.Slug, WallClock.ToLocal(r.Start, zone), WallClock.ToLocal(r.End, zone), r.TimeZone, r.Cents / 100m, r.Currency, r.Status,
            r.Status == BookingStatus.Confirmed && r.CheckedInAt is null && now >= r.Start - Booking.CheckInOpens && now < r.End,
            r.CheckedInAt is not null) { LocalNow = WallClock.ToLocal(now, zone) };
    })];
}
