using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Common.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Cotravail.Modules.Locations;

namespace Cotravail.Modules.Bookings;

/// Changes an occurrence of a series and every later active one: new local times of day and/or another
/// resource, each occurrence checked like ChangeBooking. AllOrNothing writes them in one transaction or
/// none (409 listing the dates that cannot move); AvailableOnly moves those that can and lists the others.
internal sealed class ChangeFollowing(AppDb db, TimeProvider clock, BookingNotice notice, IStringLocalizer<SharedResource> l, SeatWriter writer)
{
    internal sealed record Request
    {
        /// New local start time of day ("14:00") of each occurrence; omitted = unchanged.
        [StringLength(8, ErrorMessage = Messages.TooLong), Display(Name = "Start")]
        public string? StartTime { get; init; }

        [StringLength(8, ErrorMessage = Messages.TooLong), Display(Name = "End")]
        public string? EndTime { get; init; }

        public Guid? ResourceId { get; init; }

        public BookSeries.SeriesMode Mode { get; init; } = BookSeries.SeriesMode.AllOrNothing;
    }

    internal sealed record Skipped(Guid Id, string Date, string Reason);

    internal sealed record Response(IReadOnlyList<BookingResponse> Changed, IReadOnlyList<Skipped> Skipped);

    public async Task<Result<Response>> HandleAsync(Guid id, Request request, AccessScope scope, CancellationToken ct)
    {
        var from = await db.Bookings.VisibleTo(db, scope).AsNoTracking().Where(b => b.Id == id).Select(b => new { b.SeriesId, b.Start }).FirstOrDefaultAsync(ct);
        if (from is null)
        {
            return new NotFound("Booking");
        }
        if (from.SeriesId is not { } series)
        {
            return new Conflict("seriesId", BookingMessages.NotASeries);
        }
        TimeOnly? startTime = null, endTime = null;
        if (!string.IsNullOrWhiteSpace(request.StartTime))
        {
            if (!TryTime(request.StartTime, out var time))
            {
                return new Invalid("startTime", BookingMessages.NotATimeOfDay);
            }
            startTime = time;
        }
        if (!string.IsNullOrWhiteSpace(request.EndTime))
        {
            if (!TryTime(request.EndTime, out var time))
            {
                return new Invalid("endTime", BookingMessages.NotATimeOfDay);
            }
            endTime = time;
        }
        var occurrences = await db.Bookings.VisibleTo(db, scope)
            .Where(b => b.SeriesId == series && b.Start >= from.Start && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Confirmed))
            .OrderBy(b => b.Start).ToListAsync(ct);
        var zones = await db.Locations.Where(x => occurrences.Select(o => o.LocationId).Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.TimeZone, ct);
        var changed = new List<(Booking Booking, BookResource.Prepared Prepared)>();
        var skipped = new List<Skipped>();
        foreach (var occurrence in occurrences)
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(zones[occurrence.LocationId]);
            var (localStart, localEnd) = (WallClock.ToLocal(occurrence.Start, zone), WallClock.ToLocal(occurrence.End, zone));
            var start = startTime is { } a ? Text(localStart.Date + a.ToTimeSpan()) : null;
            var end = endTime is { } b ? Text(localEnd.Date + b.ToTimeSpan()) : null;
            var applied = await ChangeBooking.ApplyAsync(occurrence, start, end, request.ResourceId, null, db, scope, clock, ct);
            if (!applied.IsOk)
            {
                if (applied.Error is NotFound or Forbidden || applied.Error is Invalid { Field: "resourceId" })
                {
                    db.ChangeTracker.Clear();
                    return applied.Error; // not about one date: the whole change is refused
                }
                skipped.Add(new Skipped(occurrence.Id, Date(localStart), l[applied.Error.Message]));
                continue;
            }
            if (request.Mode == BookSeries.SeriesMode.AvailableOnly && !await writer.UpdateAsync(db, occurrence, applied.Value.Seats, ct))
            {
                skipped.Add(new Skipped(occurrence.Id, Date(localStart), l[BookingMessages.Taken]));
                continue;
            }
            changed.Add((occurrence, applied.Value));
        }
        if (request.Mode == BookSeries.SeriesMode.AllOrNothing)
        {
            if (skipped.Count > 0)
            {
                db.ChangeTracker.Clear();
                return new ListedConflict("start", BookingMessages.SeriesChangeConflicts, [.. skipped.Select(x => x.Date)]);
            }
            await EnqueueAsync(changed, ct);
            var taken = await writer.UpdateAllAsync(db, [.. changed.Select(c => (c.Booking, c.Prepared.Seats))], ct);
            if (taken.Count > 0)
            {
                var dates = changed.Where(c => taken.Contains(c.Booking)).Select(c => Date(WallClock.ToLocal(c.Booking.Start, TimeZoneInfo.FindSystemTimeZoneById(c.Prepared.TimeZone))));
                return new ListedConflict("start", BookingMessages.SeriesChangeConflicts, [.. dates]);
            }
        }
        else if (changed.Count > 0)
        {
            await EnqueueAsync(changed, ct);
            await db.SaveChangesAsync(ct);
        }
        return new Response([.. changed.Select(c => BookingQueries.ToResponse(c.Booking, c.Prepared.ResourceName, c.Prepared.TimeZone))], skipped);
    }

    /// One email for the whole change, with one .ics updating every changed occurrence (each VEVENT with
    /// a higher SEQUENCE, so calendar apps move them), to the member.
    private async Task EnqueueAsync(List<(Booking Booking, BookResource.Prepared Prepared)> changed, CancellationToken ct)
    {
        foreach (var (booking, _) in changed)
        {
            booking.Revise();
        }
        await notice.SendAsync([.. changed.Select(c => c.Booking)], BookingEvent.Changed, null, ct);
    }

    private static bool TryTime(string text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    private static string Text(DateTime local) => local.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    private static string Date(DateTime local) => local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
