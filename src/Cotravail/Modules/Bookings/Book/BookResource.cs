using System.ComponentModel.DataAnnotations;
using Cotravail.Common;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Resources;
using Microsoft.EntityFrameworkCore;
using Cotravail.Modules.Members;

namespace Cotravail.Modules.Bookings;

/// Books a resource for a slot given in the location's wall-clock time. The overlap check and the
/// insert share one write transaction, and the database refuses an overlap on the same seat even
/// when two requests race (decision 0007).
/// A scoped service: its collaborators are required, so every booking written queues its notices.
internal sealed class BookResource(AppDb db, TimeProvider clock, RulesCache rules, SeatWriter writer, BookingNotice notice, IEnumerable<IBookingCover> covers)
{
    internal sealed record Request
    {
        [Required(ErrorMessage = Messages.Required), Display(Name = "Resource")]
        public Guid? ResourceId { get; init; }

        /// Local date and time, e.g. "2026-12-01T14:00"; add the offset ("+01:00") when the clocks go back.
        [Required(ErrorMessage = Messages.Required), StringLength(40, ErrorMessage = Messages.TooLong), Display(Name = "Start")]
        public string Start { get; init; } = "";

        [Required(ErrorMessage = Messages.Required), StringLength(40, ErrorMessage = Messages.TooLong), Display(Name = "End")]
        public string End { get; init; } = "";

        [StringLength(200, ErrorMessage = Messages.TooLong), Display(Name = "Title")]
        public string? Title { get; init; }

        /// Staff and company admins book on behalf of a member; others book for themselves.
        public Guid? MemberId { get; init; }

        /// Members ({ memberId }) and guests ({ email, name }) invited; at most 50.
        public IReadOnlyList<AttendeeInput>? Attendees { get; init; }
    }

    /// A booking checked and priced, not yet written; Seats is how many the resource has. Limit, when the
    /// resource limits a member's bookings or hours per week: the same check again, for inside the write.
    /// PlansOnly: the resource is paid for only by what members hold, so the booking must take the covered path.
    internal sealed record Prepared(Booking Booking, int Seats, string ResourceName, string TimeZone, Func<CancellationToken, Task<Invalid?>>? Limit = null,
        bool PlansOnly = false);

    /// The confirmation (or the request's acknowledgement) and the attendees' invitations are queued with
    /// the booking, in its transaction.
    public async Task<Result<BookingResponse>> HandleAsync(Request request, AccessScope scope, CancellationToken ct)
    {
        var prepared = await PrepareAsync(request, scope, ct);
        if (!prepared.IsOk)
        {
            return prepared.Error;
        }
        var (booking, seats, resourceName, timeZone, limit, plansOnly) = prepared.Value;
        var attendees = await Bookings.Attendees.ResolveAsync(request.Attendees, booking, db, clock.GetUtcNow().UtcDateTime, ct);
        if (!attendees.IsOk)
        {
            return attendees.Error;
        }
        db.BookingAttendees.AddRange(attendees.Value);
        await notice.SendAsync([booking], booking.Status == BookingStatus.Pending ? BookingEvent.Requested : BookingEvent.Confirmed, attendees.Value, ct);
        if (covers.FirstOrDefault() is { } cover && (plansOnly || await cover.MayCoverAsync(db, booking, timeZone, ct)))
        {
            // what the member holds is taken in the booking's own transaction: both are written or neither
            if (await writer.InsertCoveredAsync(db, booking, seats, limit, c => cover.CoverAsync(db, booking, timeZone, c), ct) is { } refused)
            {
                return refused;
            }
        }
        else if (limit is not null)
        {
            // counted again behind the resource's lock, so two bookings racing past the limit cannot both be written
            if (await writer.InsertLimitedAsync(db, booking, seats, limit, ct) is { } refused)
            {
                return refused;
            }
        }
        else if (!await writer.InsertAsync(db, booking, seats, ct))
        {
            return new Conflict("start", BookingMessages.Taken);
        }
        var listed = attendees.Value.Count == 0 ? null : (await Bookings.Attendees.ListAsync(db, [booking.Id], ct)).GetValueOrDefault(booking.Id);
        return BookingQueries.ToResponse(booking, resourceName, timeZone, listed);
    }

    /// Every check but the overlap one, which only the guarded write can make.
    /// Planned: bookings of the same request not written yet (a series' earlier occurrences), which count
    /// against the weekly limits as if they were.
    public async Task<Result<Prepared>> PrepareAsync(Request request, AccessScope scope, CancellationToken ct, IReadOnlyCollection<Booking>? planned = null)
    {
        if (await rules.GetAsync(db, request.ResourceId!.Value, ct) is not (var resource, var location))
        {
            return new NotFound("Resource");
        }
        var member = await BookerAsync(request.MemberId, resource.LocationId, db, scope, ct);
        if (!member.IsOk)
        {
            return member.Error;
        }
        if (member.Value is null && resource.Policy.MembersOnly)
        {
            return new Invalid("resourceId", BookingMessages.MembersOnly);
        }
        var when = ResolveSlot(request, location, resource, clock);
        if (!when.IsOk)
        {
            return when.Error;
        }
        var (slot, localStart) = when.Value;
        var limit = WeeklyLimit(db, resource, member.Value, localStart, slot, location.TimeZone, planned: planned);
        if (limit is not null && await limit(ct) is { } overLimit)
        {
            return overLimit;
        }
        var priced = Priced(resource, location, slot, scope.UserId!.Value, member.Value, request.Title?.Trim() ?? resource.Name, clock);
        if (!priced.IsOk)
        {
            return priced.Error;
        }
        var booking = priced.Value;
        // Assignments: a desk or office assigned to someone for the slot is not bookable (no query for other kinds).
        if (await Assignments.AssignmentHolds.RefusalAsync(db, resource, member.Value, slot, ct) is { } assigned)
        {
            return assigned;
        }
        var plansOnly = resource.Pricing == ResourcePricing.PlansOnly;
        if (plansOnly && (covers.FirstOrDefault() is not { } cover || !await cover.HoldsCoverAsync(db, booking, location.TimeZone, ct)))
        {
            return new Invalid("resourceId", BookingMessages.PlansOnly);
        }
        return new Prepared(booking, Seats(resource), resource.Name, location.TimeZone, limit, plansOnly);
    }

    /// The checks of a new booking applied to a change of an existing one (ChangeBooking): it stays for
    /// the same member, its own hours do not count against the weekly limit. The booking returned
    /// carries the new resource, slot, buffers, title, status and price; it is never written.
    public static async Task<Result<Prepared>> PrepareChangeAsync(Booking current, Request request, AppDb db, TimeProvider clock, CancellationToken ct)
    {
        var resource = await db.Resources.AsNoTracking()
            .FirstOrDefaultAsync(r => r.Id == request.ResourceId && r.IsActive && db.Set<Location>().Any(l => l.Id == r.LocationId && l.IsActive), ct);
        if (resource is null)
        {
            return new NotFound("Resource");
        }
        var location = await db.Locations.AsNoTracking().AsSplitQuery().FirstAsync(l => l.Id == resource.LocationId, ct);
        if (current.MemberId is null && resource.Policy.MembersOnly)
        {
            return new Invalid("resourceId", BookingMessages.MembersOnly);
        }
        var when = ResolveSlot(request, location, resource, clock);
        if (!when.IsOk)
        {
            return when.Error;
        }
        var (slot, localStart) = when.Value;
        var limit = WeeklyLimit(db, resource, current.MemberId, localStart, slot, location.TimeZone, except: current.Id);
        if (limit is not null && await limit(ct) is { } overLimit)
        {
            return overLimit;
        }
        var changed = Priced(resource, location, slot, current.BookedByUserId, current.MemberId, request.Title?.Trim() ?? current.Title, clock);
        return changed.IsOk ? new Prepared(changed.Value, Seats(resource), resource.Name, location.TimeZone, limit) : changed.Error;
    }

    /// The booking of a checked slot, priced at the member or non-member rates for the time that really
    /// passes (not the wall-clock difference, which is off by an hour the nights the clocks change), its VAT the location's.
    private static Result<Booking> Priced(
        Resource resource, Location location, TimeSlot slot, Guid bookedBy, Guid? memberId, string title, TimeProvider clock)
    {
        var rated = BookingPrice.ForSlot(slot, RateCard.For(resource.Rates, member: memberId is not null));
        // free, or paid by what the member holds: the rates (if any) only say what a covered booking would have cost
        long? price = resource.Pricing == ResourcePricing.Free ? 0 : resource.Pricing == ResourcePricing.PlansOnly ? rated ?? 0 : rated;
        if (price is null)
        {
            return new Invalid("end", BookingPrice.Refusal(resource.Rates, member: memberId is not null));
        }
        var booking = new Booking(
            resource.Id, resource.Kind, resource.LocationId, slot, slot.Widen(resource.Policy.Setup, resource.Policy.Cleanup),
            bookedBy, memberId, title, resource.Policy.RequiresApproval, clock.GetUtcNow().UtcDateTime);
        booking.Price(price.Value, location.Currency, location.VatRates.FirstOrDefault()?.MilliPercent ?? 0);
        return booking;
    }

    private static int Seats(Resource resource) => resource.Kind == ResourceKind.HotDeskZone ? resource.Capacity : 1;

    /// The check of the policy's weekly limits for a member's booking, made before the write and again
    /// inside it (Prepared.Limit); null when the booking is nobody's or the resource has no weekly limit.
    private static Func<CancellationToken, Task<Invalid?>>? WeeklyLimit(
        AppDb db, Resource resource, Guid? memberId, DateTime localStart, TimeSlot slot, string timeZone,
        Guid? except = null, IReadOnlyCollection<Booking>? planned = null) =>
        memberId is { } holder && (resource.Policy.MaxBookingsPerWeek is not null || resource.Policy.MaxHoursPerWeek is not null)
            ? ct => WeeklyLimitAsync(db, resource, holder, localStart, slot, timeZone, ct, except, planned)
            : null;

    /// The policy's weekly limits (bookings, then hours) on what the member holds on this resource in the
    /// local week (Monday to Sunday) of the new booking, except the booking being changed. Hours are real
    /// hours (UTC slots), as the price counts them.
    private static async Task<Invalid?> WeeklyLimitAsync(
        AppDb db, Resource resource, Guid memberId, DateTime localStart, TimeSlot slot, string timeZone, CancellationToken ct,
        Guid? except, IReadOnlyCollection<Booking>? planned)
    {
        var (maxBookings, maxHours) = (resource.Policy.MaxBookingsPerWeek, resource.Policy.MaxHoursPerWeek);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var monday = Weeks.MondayOf(DateOnly.FromDateTime(localStart)).ToDateTime(TimeOnly.MinValue);
        var (from, to) = (TimeZoneInfo.ConvertTimeToUtc(monday, zone), TimeZoneInfo.ConvertTimeToUtc(monday.AddDays(7), zone));
        var held = await db.Bookings.AsNoTracking()
            .Where(b => b.ResourceId == resource.Id && b.MemberId == memberId && b.Start >= from && b.Start < to && b.Id != except
                && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Confirmed))
            .Select(b => new { b.Start, b.End }).ToListAsync(ct);
        held.AddRange((planned ?? []).Where(b => b.ResourceId == resource.Id && b.MemberId == memberId && b.Start >= from && b.Start < to)
            .Select(b => new { b.Start, b.End }));
        if (held.Count + 1 > maxBookings)
        {
            return new Invalid("start", BookingMessages.WeeklyBookingsLimit);
        }
        return held.Sum(b => (b.End - b.Start).TotalHours) + slot.Duration.TotalHours > maxHours
            ? new Invalid("end", BookingMessages.WeeklyLimit)
            : null;
    }

    private static Result<(TimeSlot Slot, DateTime LocalStart)> ResolveSlot(
        Request request, Location location, Resource resource, TimeProvider clock)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(location.TimeZone);
        if (!LocalTimeText.TryParse(request.Start, out var localStart, out var startOffset))
        {
            return new Invalid("start", BookingMessages.NotATime);
        }
        if (!LocalTimeText.TryParse(request.End, out var localEnd, out var endOffset))
        {
            return new Invalid("end", BookingMessages.NotATime);
        }
        var start = WallClock.ToUtc(localStart, zone, startOffset, "start");
        if (!start.IsOk)
        {
            return start.Error;
        }
        var end = WallClock.ToUtc(localEnd, zone, endOffset, "end");
        if (!end.IsOk)
        {
            return end.Error;
        }
        if (end.Value <= start.Value)
        {
            return new Invalid("end", BookingMessages.TooShort);
        }
        var localNow = WallClock.ToLocal(clock.GetUtcNow().UtcDateTime, zone);
        // within the location's hours narrowed by the resource's own
        if (Bookability.Check(resource.Policy, resource.HoursWithin(location.OpeningHours), location.ClosedDays, localStart, localEnd, end.Value - start.Value, localNow) is { } reason)
        {
            return BookingErrors.For(reason, reason is Unavailability.TooShort or Unavailability.TooLong ? "end" : "start");
        }
        return (new TimeSlot(start.Value, end.Value), localStart);
    }

    /// Who the booking is for: oneself by default; staff of the location or the member's company admin on their behalf.
    private static async Task<Result<Guid?>> BookerAsync(Guid? memberId, Guid locationId, AppDb db, AccessScope scope, CancellationToken ct)
    {
        if (memberId is null || memberId == scope.MemberId)
        {
            return scope.MemberId;
        }
        var member = await db.Members.AsNoTracking().Where(m => m.Id == memberId && m.IsActive)
            .Select(m => new { m.Id, m.CompanyId }).FirstOrDefaultAsync(ct);
        if (member is null || !(scope.CanSee(locationId) || (scope.CompanyAdminOf is { } company && member.CompanyId == company)))
        {
            return new Invalid("memberId", BookingMessages.NotYourMember);
        }
        return member.Id;
    }
}
