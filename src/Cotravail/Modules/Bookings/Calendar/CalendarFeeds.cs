using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Microsoft.EntityFrameworkCore;
using Cotravail.Modules.Resources;

namespace Cotravail.Modules.Bookings;

/// Creating, listing and revoking calendar addresses: one's own bookings, or a resource's (its staff).
internal sealed class CalendarFeeds(AppDb db, TimeProvider clock)
{
    internal sealed record FeedResponse(Guid Id, Guid? ResourceId, string? ResourceName, DateTime CreatedAt);

    /// The address is shown once, like a password: only its hash is kept.
    internal sealed record CreatedFeed(Guid Id, Guid? ResourceId, string Path);

    public static string PathOf(string token) => $"/calendar/{token}.ics";

    /// A new address for one's own bookings; the previous one stops working.
    public async Task<Result<CreatedFeed>> CreateForMeAsync(AccessScope scope, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var old in await db.CalendarFeeds.Where(f => f.UserId == scope.UserId && f.ResourceId == null && f.RevokedAt == null).ToListAsync(ct))
        {
            old.Revoke(now);
        }
        var (feed, token) = CalendarFeed.Create(scope.UserId!.Value, null, now);
        db.CalendarFeeds.Add(feed);
        await db.SaveChangesAsync(ct);
        return new CreatedFeed(feed.Id, null, PathOf(token));
    }

    /// A resource's calendar, for the staff of its location (e.g. a screen by the meeting room).
    public async Task<Result<CreatedFeed>> CreateForResourceAsync(Guid resourceId, AccessScope scope, CancellationToken ct)
    {
        var resource = await db.Resources.AsNoTracking().Where(r => r.Id == resourceId).Select(r => new { r.Id, r.LocationId }).FirstOrDefaultAsync(ct);
        if (resource is null || !scope.CanSee(resource.LocationId))
        {
            return new NotFound("Resource");
        }
        var (feed, token) = CalendarFeed.Create(scope.UserId!.Value, resource.Id, clock.GetUtcNow().UtcDateTime);
        db.CalendarFeeds.Add(feed);
        await db.SaveChangesAsync(ct);
        return new CreatedFeed(feed.Id, resource.Id, PathOf(token));
    }

    public Task<List<FeedResponse>> ListMineAsync(AccessScope scope, CancellationToken ct) =>
        db.CalendarFeeds.AsNoTracking().Where(f => f.UserId == scope.UserId && f.RevokedAt == null)
            .OrderByDescending(f => f.CreatedAt)
            .Select(f => new FeedResponse(f.Id, f.ResourceId, db.Set<Resource>().Where(r => r.Id == f.ResourceId).Select(r => r.Name).FirstOrDefault(), f.CreatedAt))
            .ToListAsync(ct);

    public async Task<Result<bool>> RevokeAsync(Guid id, AccessScope scope, CancellationToken ct)
    {
        var feed = await db.CalendarFeeds.FirstOrDefaultAsync(f => f.Id == id && f.UserId == scope.UserId && f.RevokedAt == null, ct);
        if (feed is null)
        {
            return new NotFound("Calendar");
        }
        feed.Revoke(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
