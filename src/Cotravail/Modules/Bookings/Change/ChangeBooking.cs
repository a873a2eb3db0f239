using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Cotravail.Common;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Microsoft.EntityFrameworkCore;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Members;
using Cotravail.Modules.Resources;

namespace Cotravail.Modules.Bookings;

/// Changes a booking's time, resource or title with the rules of a new booking, written by the same
/// guarded write (the database refuses an overlap). Who may: its member, whoever booked it, the member's
/// company admin, and staff of its location (and of the new resource's location when it moves).
/// Policy (ADR 10, docs/decisions/0010-changing-bookings.md): a booking can be changed until it starts; after the free-cancellation limit
/// only within the same local day, and its price cannot go down (so a change never dodges the late fee).
/// On a resource that needs approval the changed booking is a request again, unless a manager of that
/// location makes the change.
internal sealed class ChangeBooking(AppDb db, TimeProvider clock, BookingNotice notice, Waitlist waitlist, SeatWriter writer, IEnumerable<IBookingCover> covers)
{
    internal sealed record Request
    {
        /// Local date and time like POST /bookings; omitted = unchanged.
        [StringLength(40, ErrorMessage = Messages.TooLong), Display(Name = "Start")]
        public string? Start { get; init; }

        [StringLength(40, ErrorMessage = Messages.TooLong), Display(Name = "End")]
        public string? End { get; init; }

        /// Another resource (of any location the caller may book at); omitted = unchanged.
        public Guid? ResourceId { get; init; }

        [StringLength(200, ErrorMessage = Messages.TooLong), Display(Name = "Title")]
        public string? Title { get; init; }
    }

    public async Task<Result<BookingResponse>> HandleAsync(Guid id, Request request, AccessScope scope, CancellationToken ct)
    {
        var booking = await db.Bookings.VisibleTo(db, scope).FirstOrDefaultAsync(b => b.Id == id, ct);
        if (booking is null)
        {
            return new NotFound("Booking");
        }
        var formerResource = booking.ResourceId;
        var prepared = await ApplyAsync(booking, request.Start, request.End, request.ResourceId, request.Title, db, scope, clock, ct);
        if (!prepared.IsOk)
        {
            return prepared.Error;
        }
        await notice.SendChangedAsync(booking, ct); // the updated .ics (higher SEQUENCE) to the member and the attendees
        if (prepared.Value.Limit is { } limit)
        {
            // counted again behind the resource's lock, so changes racing past the limit cannot all be written
            if (await writer.UpdateLimitedAsync(db, booking, prepared.Value.Seats, limit, ct) is { } refused)
            {
                return refused;
            }
        }
        else if (!await writer.UpdateAsync(db, booking, prepared.Value.Seats, ct))
        {
            return new Conflict("start", BookingMessages.Taken);
        }
        await CoverAgainAsync(booking, prepared.Value.TimeZone, ct);
        await waitlist.PromoteAsync(formerResource, ct); // the former slot may be someone's turn
        return BookingQueries.ToResponse(booking, prepared.Value.ResourceName, prepared.Value.TimeZone);
    }

    /// What the member holds pays for the changed booking again (ADR 21): what it took is given back and taken
    /// anew for the new slot (a pass day of another date, other hours of credit), in one transaction once the
    /// change is written; the price is the new slot's until then.
    private async Task CoverAgainAsync(Booking booking, string timeZone, CancellationToken ct)
    {
        if (covers.FirstOrDefault() is not { } cover || booking.MemberId is null)
        {
            return;
        }
        using var gate = await SqliteWriteGate.EnterAsync(db, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await cover.ReleaseAsync(db, booking.Id, ct);
        if (await cover.MayCoverAsync(db, booking, timeZone, ct))
        {
            await cover.CoverAsync(db, booking, timeZone, ct);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// Checks a change of one tracked booking and applies it to the entity, unsaved; the caller writes it
    /// with SeatWriter. Start and end are local texts in the new resource's location.
    internal static async Task<Result<BookResource.Prepared>> ApplyAsync(
        Booking booking, string? start, string? end, Guid? resourceId, string? title, AppDb db, AccessScope scope, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (!booking.HoldsSlot)
        {
            return new Conflict("status", BookingMessages.NotCancellable);
        }
        if (now >= booking.Start)
        {
            return new Conflict("start", BookingMessages.AlreadyStarted);
        }
        var zone = TimeZoneInfo.FindSystemTimeZoneById(await db.Locations.Where(l => l.Id == booking.LocationId).Select(l => l.TimeZone).FirstAsync(ct));
        var request = new BookResource.Request
        {
            ResourceId = resourceId ?? booking.ResourceId,
            Start = string.IsNullOrWhiteSpace(start) ? LocalText(booking.Start, zone) : start,
            End = string.IsNullOrWhiteSpace(end) ? LocalText(booking.End, zone) : end,
            Title = string.IsNullOrWhiteSpace(title) ? null : title,
            MemberId = booking.MemberId,
        };
        var prepared = await BookResource.PrepareChangeAsync(booking, request, db, clock, ct);
        if (!prepared.IsOk)
        {
            return prepared.Error;
        }
        var changed = prepared.Value.Booking;
        if (changed.LocationId != booking.LocationId && !scope.CanSee(changed.LocationId) && !await ActsForTheMemberAsync(booking, db, scope, ct))
        {
            return new Invalid("resourceId", BookingMessages.NotYourLocation);
        }
        var policy = await db.Resources.Where(r => r.Id == booking.ResourceId).Select(r => r.Policy).FirstAsync(ct);
        var late = booking.Status == BookingStatus.Confirmed && now > booking.Start - TimeSpan.FromHours(policy.FreeCancellationHours);
        var newZone = TimeZoneInfo.FindSystemTimeZoneById(prepared.Value.TimeZone);
        if (late && WallClock.ToLocal(changed.Start, newZone).Date != WallClock.ToLocal(booking.Start, zone).Date)
        {
            return new Invalid("start", BookingMessages.LateChangeSameDay);
        }
        var price = late ? Math.Max(booking.PriceCents, changed.PriceCents) : changed.PriceCents;
        // A new slot or resource on a resource needing approval is a new request; a new title is not.
        var moved = changed.ResourceId != booking.ResourceId || changed.Start != booking.Start || changed.End != booking.End;
        var pending = changed.Status == BookingStatus.Pending && !scope.CanManage(changed.LocationId) && (moved || booking.Status == BookingStatus.Pending);
        booking.Change(changed.ResourceId, changed.Kind, changed.LocationId, changed.Slot, Utc(changed.BlockStart, changed.BlockEnd), changed.Title, pending, now);
        booking.Price(price, changed.Currency, changed.VatMilliPercent);
        return prepared.Value;
    }

    /// Its member, whoever booked it, or the member's company admin (as opposed to staff acting for the location).
    private static async Task<bool> ActsForTheMemberAsync(Booking booking, AppDb db, AccessScope scope, CancellationToken ct) =>
        (scope.MemberId is { } self && booking.MemberId == self) || booking.BookedByUserId == scope.UserId
        || (scope.CompanyAdminOf is { } company && await db.Members.AnyAsync(m => m.Id == booking.MemberId && m.CompanyId == company, ct));

    /// The booking's local time as POST /bookings takes it; with its offset when the clocks go back then.
    internal static string LocalText(DateTime utc, TimeZoneInfo zone)
    {
        var local = WallClock.ToLocal(utc, zone);
        var text = local.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        if (!zone.IsAmbiguousTime(local))
        {
            return text;
        }
        var offset = zone.GetUtcOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
        return text + (offset < TimeSpan.Zero ? "-" : "+") + offset.ToString(@"hh\:mm", CultureInfo.InvariantCulture);
    }

    private static TimeSlot Utc(DateTime start, DateTime end) =>
        new(DateTime.SpecifyKind(start, DateTimeKind.Utc), DateTime.SpecifyKind(end, DateTimeKind.Utc));

}
