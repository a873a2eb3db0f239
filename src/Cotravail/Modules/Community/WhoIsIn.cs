using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Modules.Bookings;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Privacy;
using Cotravail.Modules.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Community;

/// GET /api/v1/community/today and /community/today: who is in at a location today (its own time zone), from
/// today's confirmed desk and room bookings, checked in or expected. Only members who chose "show others when I
/// am in today" appear; their headline and skills follow their other choices. Seen by the location's staff, its
/// members, and members who are there today.
internal static class WhoIsIn
{
    internal sealed record Person(CommunityCard Card, bool CheckedIn, bool Listed);

    internal sealed record Response(Guid LocationId, string LocationName, DateOnly Day, IReadOnlyList<Person> People);

    public static async Task<Result<Response>> HandleAsync(Guid? locationId, AccessScope scope, AppDb db, IStringLocalizer l, TimeProvider clock, CancellationToken ct) =>
        await HandleAsync(locationId, await CommunityViewer.LoadAsync(scope, db, ct), db, l, clock, ct);

    public static async Task<Result<Response>> HandleAsync(Guid? locationId, CommunityViewer viewer, AppDb db, IStringLocalizer l, TimeProvider clock, CancellationToken ct)
    {
        var id = locationId ?? viewer.HomeLocationId ?? viewer.Scope.StaffLocations.FirstOrDefault();
        if (id == Guid.Empty && viewer.AllHere)
        {
            id = await db.Locations.AsNoTracking().Where(x => x.IsActive).OrderBy(x => x.Name).Select(x => x.Id).FirstOrDefaultAsync(ct);
        }
        var location = await db.Locations.AsNoTracking().Where(x => x.Id == id && x.IsActive)
            .Select(x => new { x.Id, x.Name, x.TimeZone }).FirstOrDefaultAsync(ct);
        if (location is null || !viewer.CanBrowse)
        {
            return new NotFound("Location");
        }
        var zone = TimeZoneInfo.FindSystemTimeZoneById(location.TimeZone);
        var now = clock.GetUtcNow().UtcDateTime;
        var day = DateOnly.FromDateTime(WallClock.ToLocal(now, zone));
        var dayStart = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), zone);
        var dayEnd = TimeZoneInfo.ConvertTimeToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);

        var today = from b in db.Bookings.AsNoTracking()
                    join r in db.Resources.AsNoTracking() on b.ResourceId equals r.Id
                    where b.LocationId == location.Id && b.Status == BookingStatus.Confirmed && b.MemberId != null
                          && b.Start < dayEnd && b.End > dayStart && r.Kind != ResourceKind.Equipment
                    select new { MemberId = b.MemberId!.Value, b.CheckedInAt };
        var isHere = viewer.IsHere(location.Id)
            || (viewer.MemberId is { } me && await today.AnyAsync(x => x.MemberId == me, ct));
        if (!isHere)
        {
            return new NotFound("Location");
        }
        var privacy = db.MemberPrivacy;
        var present = await today
            .Where(x => privacy.Any(p => p.MemberId == x.MemberId && p.SharePresence))
            .GroupBy(x => x.MemberId)
            .Select(g => new { MemberId = g.Key, CheckedIn = g.Any(x => x.CheckedInAt != null) })
            .ToListAsync(ct);
        var ids = present.Select(p => p.MemberId).ToList();
        var listed = await db.ListedFor(viewer).Where(x => ids.Contains(x.Member.Id)).Select(x => x.Member.Id).ToListAsync(ct);
        var cards = await CommunityCards.LoadAsync(ids, viewer, db, l, full: false, ct);
        var people = cards
            .Select(c => new Person(c, present.First(p => p.MemberId == c.Id).CheckedIn, listed.Contains(c.Id)))
            .OrderByDescending(p => p.CheckedIn).ThenBy(p => p.Card.Name, StringComparer.CurrentCulture)
            .ToList();
        return new Response(location.Id, location.Name, day, people);
    }
}
