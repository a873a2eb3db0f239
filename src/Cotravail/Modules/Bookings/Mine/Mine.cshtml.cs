using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Resources;

namespace Cotravail.Modules.Bookings;

/// /me/bookings: my coming bookings, each linking to its page, with a cancel button (to the confirm step) (occurrences of a series marked, with "cancel
/// this and following"), my waitlist entries and offers (accept, decline, leave), and the recent past.
internal sealed class MineModel(AppDb db, Access access, TimeProvider clock, Waitlist waitlist, IStringLocalizer<SharedResource> l, CancelFollowing cancelFollowing)
    : PageModel
{
    internal sealed record Line(
        Guid Id, string Resource, string Location, string Slug, DateTime LocalStart, DateTime LocalEnd, string TimeZone,
        decimal Price, string Currency, BookingStatus Status, bool Checkable = false, bool CheckedIn = false, Guid? SeriesId = null, IReadOnlyList<string>? Attendees = null)
    {
        /// The location's wall clock now: a booking can be changed until it starts.
        public DateTime LocalNow { get; init; }
    }


    /// A waitlist entry: Waiting, or Offered until OfferExpires (local time).
    internal sealed record Wait(Guid Id, string Resource, string Location, DateTime LocalStart, DateTime LocalEnd, WaitlistStatus Status, DateTime? OfferExpires);

    public IReadOnlyList<Wait> Waiting { get; private set; } = [];

    public IReadOnlyList<Line> Coming { get; private set; } = [];

    public IReadOnlyList<Line> Past { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var (user, member) = (scope.UserId, scope.MemberId);
        // A waitlist offer's hold is shown as the offer (accept or decline), and is no booking of mine unless accepted.
        var mine = db.Bookings.AsNoTracking().Where(b => (b.BookedByUserId == user || (member != null && b.MemberId == member))
            && !db.Set<WaitlistEntry>().Any(w => w.BookingId == b.Id && w.Status != WaitlistStatus.Booked));
        var coming = Lines(await Rows(mine.Where(b => b.End > now).OrderBy(b => b.Start)).Take(100).ToListAsync(ct), now);
        var attendees = await Attendees.ListAsync(db, [.. coming.Select(b => b.Id)], ct);
        Coming = [.. coming.Select(b => attendees.TryGetValue(b.Id, out var people)
            ? b with { Attendees = [.. people.Select(a => a.Name.Length > 0 ? a.Name : a.Email ?? "")] }
            : b)];
        Past = Lines(await Rows(mine.Where(b => b.End <= now).OrderByDescending(b => b.Start)).Take(50).ToListAsync(ct), now);
        var waits = await db.Waitlist.AsNoTracking()
            .Where(w => w.UserId == user && (w.Status == WaitlistStatus.Waiting || w.Status == WaitlistStatus.Offered) && w.StartUtc > now)
            .OrderBy(w => w.StartUtc).Take(100)
            .Select(w => new
            {
                w.Id,
                Resource = db.Set<Resource>().Where(r => r.Id == w.ResourceId).Select(r => r.Name).First(),
                Location = db.Set<Location>().Where(x => x.Id == w.LocationId).Select(x => x.Name).First(),
                Zone = db.Set<Location>().Where(x => x.Id == w.LocationId).Select(x => x.TimeZone).First(),
                w.StartUtc, w.LocalEnd, w.Status, w.OfferExpiresAt,
            }).ToListAsync(ct);
        Waiting = [.. waits.Select(w =>
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(w.Zone);
            var start = WallClock.ToLocal(w.StartUtc, zone);
            var end = LocalTimeText.TryParse(w.LocalEnd, out var e, out _) ? e : start;
            return new Wait(w.Id, w.Resource, w.Location, start, end, w.Status, w.OfferExpiresAt is { } x ? WallClock.ToLocal(x, zone) : null);
        })];
    }

    public async Task<IActionResult> OnPostCancelFollowingAsync(Guid id, CancellationToken ct)
    {
        var cancelled = await cancelFollowing.HandleAsync(id, await access.GetAsync(ct), ct);
        TempData[cancelled.IsOk ? "Booked" : "Problem"] = cancelled.IsOk
            ? l["{0} occurrences of the series are cancelled.", cancelled.Value.Cancelled].Value
            : Problem(cancelled.Error, "Booking");
        return Redirect("/me/bookings");
    }

    public async Task<IActionResult> OnPostAcceptAsync(Guid id, CancellationToken ct)
    {
        var accepted = await waitlist.AcceptAsync(id, await access.GetAsync(ct), ct);
        TempData[accepted.IsOk ? "Booked" : "Problem"] = accepted.IsOk ? l["The offer is accepted: the slot is yours."].Value : Problem(accepted.Error, "Waitlist");
        return Redirect("/me/bookings");
    }

    public async Task<IActionResult> OnPostDeclineAsync(Guid id, CancellationToken ct)
    {
        var declined = await waitlist.DeclineAsync(id, await access.GetAsync(ct), ct);
        TempData[declined.IsOk ? "Booked" : "Problem"] = declined.IsOk ? l["The offer is declined: it goes to the next in line."].Value : Problem(declined.Error, "Waitlist");
        return Redirect("/me/bookings#waitlist");
    }

    public async Task<IActionResult> OnPostLeaveAsync(Guid id, CancellationToken ct)
    {
        var left = await waitlist.LeaveAsync(id, await access.GetAsync(ct), ct);
        TempData[left.IsOk ? "Booked" : "Problem"] = left.IsOk ? l["You left the waitlist."].Value : Problem(left.Error, "Waitlist");
        return Redirect("/me/bookings#waitlist");
    }

    private string Problem(Common.Errors.Error error, string what) =>
        error is Common.Errors.NotFound ? l["{0} was not found.", l[what]].Value : l[error.Message].Value;

    public async Task<IActionResult> OnPostCheckInAsync(Guid id, CancellationToken ct)
    {
        var checkedIn = await CheckInBooking.HandleAsync(id, db, await access.GetAsync(ct), clock, ct);
        TempData[checkedIn.IsOk ? "Booked" : "Problem"] = checkedIn.IsOk
            ? l["You are checked in to {0}.", checkedIn.Value.ResourceName].Value
            : checkedIn.Error is Common.Errors.NotFound ? l["{0} was not found.", l["Booking"]].Value : l[checkedIn.Error.Message].Value;
        return Redirect("/me/bookings");
    }

    private sealed record Row(Guid Id, string Resource, string Location, string Slug, DateTime Start, DateTime End, string TimeZone, long Cents, string Currency, BookingStatus Status, DateTime? CheckedInAt, Guid? SeriesId);

    private IQueryable<Row> Rows(IQueryable<Booking> bookings) => bookings.Select(b => new Row(
        b.Id,
        db.Set<Resource>().Where(r => r.Id == b.ResourceId).Select(r => r.Name).First(),
        db.Set<Location>().Where(x => x.Id == b.LocationId).Select(x => x.Name).First(),
        db.Set<Location>().Where(x => x.Id == b.LocationId).Select(x => x.Slug).First(),
        b.Start, b.End,
        db.Set<Location>().Where(x => x.Id == b.LocationId).Select(x => x.TimeZone).First(),
        b.PriceCents, b.Currency, b.Status, b.CheckedInAt, b.SeriesId));

    private static List<Line> Lines(List<Row> rows, DateTime now) => [.. rows.Select(r =>
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(r.TimeZone);
        return new Line(r.Id, r.Resource, r.Location, r.Slug, WallClock.ToLocal(r.Start, zone), WallClock.ToLocal(r.End, zone), r.TimeZone, r.Cents / 100m, r.Currency, r.Status,
            r.Status == BookingStatus.Confirmed && r.CheckedInAt is null && now >= r.Start - Booking.CheckInOpens && now < r.End,
            r.CheckedInAt is not null, r.SeriesId) { LocalNow = WallClock.ToLocal(now, zone) };
    })];
}
