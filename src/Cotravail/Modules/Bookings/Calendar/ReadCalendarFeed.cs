using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Microsoft.EntityFrameworkCore;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Members;
using Cotravail.Modules.Resources;

namespace Cotravail.Modules.Bookings;

/// GET /calendar/{token}.ics: the feed's bookings from a month ago to a year ahead. Cancelled, declined,
/// expired and released bookings stay in the feed as CANCELLED so calendar apps remove them.
internal static class ReadCalendarFeed
{
    public static async Task<string?> HandleAsync(string token, AppDb db, TimeProvider clock, CancellationToken ct)
    {
        if (!token.StartsWith("cal_", StringComparison.Ordinal) || token.Length > 100)
        {
            return null;
        }
        var hash = ApiToken.Hash(token);
        var feed = await db.CalendarFeeds.AsNoTracking()
            .Where(f => f.TokenHash == hash && f.RevokedAt == null && db.Users.Any(u => u.Id == f.UserId && u.IsActive))
            .FirstOrDefaultAsync(ct);
        if (feed is null)
        {
            return null;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var (from, to) = (now.AddDays(-31), now.AddDays(366));
        var bookings = db.Bookings.Where(b => b.End > from && b.Start < to);
        string name;
        if (feed.ResourceId is { } resourceId)
        {
            bookings = bookings.Where(b => b.ResourceId == resourceId);
            name = await db.Resources.Where(r => r.Id == resourceId).Select(r => r.Name).FirstAsync(ct);
        }
        else
        {
            var member = await db.Members.Where(m => m.UserId == feed.UserId).Select(m => (Guid?)m.Id).FirstOrDefaultAsync(ct);
            bookings = bookings.Where(b => (member != null && b.MemberId == member) || b.BookedByUserId == feed.UserId);
            name = "Cotravail";
        }
        var events = await bookings.OrderBy(b => b.Start)
            .Select(b => new
            {
                b.Id, b.Start, b.End, b.Title, b.Status, b.CreatedAt, b.CancelledAt,
                Resource = db.Set<Resource>().Where(r => r.Id == b.ResourceId).Select(r => r.Name).First(),
                Location = db.Set<Location>().Where(l => l.Id == b.LocationId).Select(l => l.Name + ", " + l.Street + ", " + l.PostalCode + " " + l.City).First(),
            })
            .Take(5000).AsNoTracking().ToListAsync(ct);
        return ICalendar.Write(name, events.Select(e => new CalendarEvent(
            e.Id, e.Start, e.End,
            BookingCalendarFile.Summary(e.Title, e.Resource),
            e.Location, null,
            e.Status is not (BookingStatus.Confirmed or BookingStatus.Pending),
            e.CancelledAt ?? e.CreatedAt)));
    }
}
