using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Microsoft.EntityFrameworkCore;
using Cotravail.Modules.Resources;

namespace Cotravail.Modules.Bookings;

/// Cancels an occurrence of a series and every later one the caller may see, and tells the people concerned.
internal sealed class CancelFollowing(AppDb db, TimeProvider clock, BookingNotice notice)
{
    internal sealed record Response(int Cancelled);

    public async Task<Result<Response>> HandleAsync(Guid id, AccessScope scope, CancellationToken ct)
    {
        var from = await db.Bookings.VisibleTo(db, scope).AsNoTracking().Where(b => b.Id == id)
            .Select(b => new { b.SeriesId, b.Start }).FirstOrDefaultAsync(ct);
        if (from is null)
        {
            return new NotFound("Booking");
        }
        if (from.SeriesId is not { } series)
        {
            return new Conflict("seriesId", BookingMessages.NotASeries);
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var bookings = await db.Bookings.VisibleTo(db, scope)
            .Where(b => b.SeriesId == series && b.Start >= from.Start).ToListAsync(ct);
        var resources = bookings.Select(b => b.ResourceId).Distinct().ToList();
        var policies = await db.Resources.Where(r => resources.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Policy, ct);
        var cancelled = bookings.Where(b => b.Cancel(now, policies[b.ResourceId])).ToList();
        // One email per person listing the occurrences, with one .ics cancelling each of them.
        foreach (var group in cancelled.GroupBy(b => b.ResourceId))
        {
            await notice.SendAsync([.. group.OrderBy(b => b.Start)], BookingEvent.Cancelled, null, ct);
        }
        await db.SaveChangesAsync(ct);
        return new Response(cancelled.Count);
    }
}
