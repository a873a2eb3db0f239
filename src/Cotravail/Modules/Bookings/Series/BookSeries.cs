using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Common.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Bookings;

/// A recurring booking. Preview says which occurrences are free and why the others are not; booking
/// then takes the free ones ("AvailableOnly") or all of them or none ("AllOrNothing", one transaction).
/// Wall-clock times repeat in the location's zone, so a weekly 09:00 stays 09:00 across clock changes.
/// Each occurrence uses what its member holds first (IBookingCover), in its own write's transaction, as a
/// single booking does.
internal sealed class BookSeries(AppDb db, TimeProvider clock, IStringLocalizer<SharedResource> l, BookingNotice notice, BookResource book, SeatWriter writer,
    IEnumerable<IBookingCover> covers)
{
    internal enum SeriesMode
    {
        AvailableOnly,
        AllOrNothing,
    }

    internal sealed record Request
    {
        [Required(ErrorMessage = Messages.Required), Display(Name = "Resource")]
        public Guid? ResourceId { get; init; }

        [Required(ErrorMessage = Messages.Required), StringLength(40, ErrorMessage = Messages.TooLong), Display(Name = "Start")]
        public string Start { get; init; } = "";

        [Required(ErrorMessage = Messages.Required), StringLength(40, ErrorMessage = Messages.TooLong), Display(Name = "End")]
        public string End { get; init; } = "";

        [StringLength(200, ErrorMessage = Messages.TooLong), Display(Name = "Title")]
        public string? Title { get; init; }

        public Guid? MemberId { get; init; }

        /// Members ({ memberId }) and guests ({ email, name }) invited to every occurrence; at most 50. They
        /// receive one invitation whose .ics holds every occurrence booked.
        public IReadOnlyList<AttendeeInput>? Attendees { get; init; }

        [Required(ErrorMessage = Messages.Required), Display(Name = "Frequency")]
        public Frequency? Frequency { get; init; }

        [Range(1, 12, ErrorMessage = Messages.Range), Display(Name = "Interval")]
        public int Interval { get; init; } = 1;

        /// The last local date an occurrence may start on; or give Count.
        public DateOnly? Until { get; init; }

        [Range(1, Recurrence.MaxOccurrences, ErrorMessage = Messages.Range), Display(Name = "Number of occurrences")]
        public int? Count { get; init; }

        public SeriesMode Mode { get; init; } = SeriesMode.AvailableOnly;
    }

    internal sealed record Occurrence(string Start, string End, bool Available, string? Reason);

    internal sealed record SeriesResponse(Guid? SeriesId, IReadOnlyList<BookingResponse> Booked, IReadOnlyList<Occurrence> Skipped);

    public async Task<Result<IReadOnlyList<Occurrence>>> PreviewAsync(Request request, AccessScope scope, CancellationToken ct)
    {
        var plan = await PlanAsync(request, scope, ct);
        if (!plan.IsOk)
        {
            return plan.Error;
        }
        return plan.Value.Select(p => p.Occurrence).ToList();
    }

    public async Task<Result<SeriesResponse>> BookAsync(Request request, AccessScope scope, CancellationToken ct)
    {
        var plan = await PlanAsync(request, scope, ct);
        if (!plan.IsOk)
        {
            return plan.Error;
        }
        var seriesId = Guid.CreateVersion7();
        var free = plan.Value.Where(p => p.Prepared is not null).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        var invited = new Dictionary<Guid, List<BookingAttendee>>();
        foreach (var step in free)
        {
            step.Prepared!.Booking.JoinSeries(seriesId);
            var attendees = await Attendees.ResolveAsync(request.Attendees, step.Prepared.Booking, db, now, ct);
            if (!attendees.IsOk)
            {
                return attendees.Error; // the same list for every occurrence: refused before anything is written
            }
            invited[step.Prepared.Booking.Id] = attendees.Value;
        }
        var guests = free.Count == 0 ? [] : invited[free[0].Prepared!.Booking.Id];
        var cover = covers.FirstOrDefault();
        var covered = new HashSet<Guid>();
        foreach (var step in free)
        {
            if (cover is not null && (step.Prepared!.PlansOnly || await cover.MayCoverAsync(db, step.Prepared.Booking, step.Prepared.TimeZone, ct)))
            {
                covered.Add(step.Prepared!.Booking.Id);
            }
        }
        if (request.Mode == SeriesMode.AllOrNothing)
        {
            if (free.Count == plan.Value.Count)
            {
                await NotifyAsync([.. free.Select(p => p.Prepared!.Booking)], guests, ct); // written with the bookings, or detached with them
            }
            if (free.Count < plan.Value.Count
                || !await writer.InsertAllAsync(db, [.. free.Select(p => (p.Prepared!.Booking, p.Prepared.Seats))], ct, async c =>
                {
                    db.BookingAttendees.AddRange(invited.Values.SelectMany(a => a));
                    foreach (var p in free.Select(s => s.Prepared!).Where(p => covered.Contains(p.Booking.Id)))
                    {
                        await cover!.CoverAsync(db, p.Booking, p.TimeZone, c);
                        await db.SaveChangesAsync(c); // seen by the next occurrence's cover (one pass day covers its day's bookings)
                    }
                }))
            {
                return new Conflict("start", BookingMessages.SeriesConflicts);
            }
            return new SeriesResponse(seriesId, [.. free.Select(p => Response(p.Prepared!))], []);
        }
        var booked = new List<BookingResponse>();
        var skipped = plan.Value.Where(p => p.Prepared is null).Select(p => p.Occurrence).ToList();
        foreach (var step in free)
        {
            var prepared = step.Prepared!;
            db.BookingAttendees.AddRange(invited[prepared.Booking.Id]); // written with their occurrence, or detached with it
            Error? refused = null;
            if (covered.Contains(prepared.Booking.Id))
            {
                refused = await writer.InsertCoveredAsync(db, prepared.Booking, prepared.Seats, prepared.Limit, c => cover!.CoverAsync(db, prepared.Booking, prepared.TimeZone, c), ct);
            }
            else if (!await writer.InsertAsync(db, prepared.Booking, prepared.Seats, ct))
            {
                refused = new Conflict("start", BookingMessages.Taken);
            }
            if (refused is null)
            {
                booked.Add(Response(prepared));
            }
            else
            {
                skipped.Add(step.Occurrence with { Available = false, Reason = l[refused.Message] });
            }
        }
        await NotifyAsync([.. free.Select(p => p.Prepared!.Booking).Where(b => booked.Any(r => r.Id == b.Id))], guests, ct);
        await db.SaveChangesAsync(ct);
        return new SeriesResponse(booked.Count > 0 ? seriesId : null, booked, skipped);
    }

    /// One email for the whole series (listing the occurrences, one VEVENT each), and one invitation to each
    /// attendee with the same .ics; requests are acknowledged one by one.
    private async Task NotifyAsync(IReadOnlyList<Booking> bookings, IReadOnlyList<BookingAttendee> attendees, CancellationToken ct)
    {
        await notice.SendAsync([.. bookings.Where(b => b.Status == BookingStatus.Confirmed)], BookingEvent.Confirmed, attendees, ct);
        foreach (var pending in bookings.Where(b => b.Status == BookingStatus.Pending).Take(1))
        {
            await notice.SendAsync([pending], BookingEvent.Requested, [], ct);
        }
    }

    private sealed record Step(Occurrence Occurrence, BookResource.Prepared? Prepared);

    /// Each occurrence checked like a single booking, plus whether its slot is free right now; reasons are
    /// in the caller's language.
    private async Task<Result<List<Step>>> PlanAsync(Request request, AccessScope scope, CancellationToken ct)
    {
        if (request.Until is null && request.Count is null)
        {
            return new Invalid("count", BookingMessages.SeriesNeedsAnEnd);
        }
        if (!LocalTimeText.TryParse(request.Start, out var firstStart, out _))
        {
            return new Invalid("start", BookingMessages.NotATime);
        }
        if (!LocalTimeText.TryParse(request.End, out var firstEnd, out _) || firstEnd <= firstStart)
        {
            return new Invalid("end", BookingMessages.NotATime);
        }
        var length = firstEnd - firstStart;
        var steps = new List<Step>();
        var recurrence = new Recurrence(request.Frequency!.Value, request.Interval, request.Until, request.Count);
        foreach (var start in recurrence.Occurrences(firstStart))
        {
            var (from, to) = (Text(start), Text(start + length));
            var single = new BookResource.Request { ResourceId = request.ResourceId, Start = from, End = to, Title = request.Title, MemberId = request.MemberId };
            // the occurrences planned so far count against the weekly limits like bookings already made
            var prepared = await book.PrepareAsync(single, scope, ct, [.. steps.Where(s => s.Prepared is not null).Select(s => s.Prepared!.Booking)]);
            if (!prepared.IsOk)
            {
                if (prepared.Error is NotFound or Forbidden || (prepared.Error is Invalid { Field: "resourceId" or "memberId" }))
                {
                    return prepared.Error; // not about this date: the whole series is refused
                }
                steps.Add(new Step(new Occurrence(from, to, false, l[prepared.Error.Message]), null));
                continue;
            }
            var booking = prepared.Value.Booking;
            var overlapping = await db.Bookings.CountAsync(b => b.ResourceId == booking.ResourceId
                && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Confirmed)
                && b.BlockStart < booking.BlockEnd && booking.BlockStart < b.BlockEnd, ct);
            steps.Add(overlapping >= prepared.Value.Seats
                ? new Step(new Occurrence(from, to, false, l[BookingMessages.Taken]), null)
                : new Step(new Occurrence(from, to, true, null), prepared.Value));
        }
        return steps;
    }

    private static BookingResponse Response(BookResource.Prepared p) => BookingQueries.ToResponse(p.Booking, p.ResourceName, p.TimeZone);

    private static string Text(DateTime local) => local.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
}
