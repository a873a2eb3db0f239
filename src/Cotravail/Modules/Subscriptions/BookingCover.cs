using Cotravail.Common;
using Cotravail.Common.Database;
using Cotravail.Modules.Bookings;
using Cotravail.Modules.Offers;
using Cotravail.Modules.Resources;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Subscriptions;

/// Pays for a member's booking from what they hold (ADR 21), in this order: a plan covering the kind of
/// resource every day (nothing taken), a part-time plan's days of the week, passes and bundles (the one
/// ending first), then, for rooms, the meeting-room hours of the month or of the bundle. A day of a pass
/// covers every booking of that day. What is left is paid at the resource's price, pro rata of the minutes
/// the credits did not cover. Each balance is locked before it is read (PostgreSQL: FOR UPDATE; SQLite: the
/// write transaction, one writer at a time) and its CHECK refuses going below zero whatever happens.
internal sealed class BookingCover(TimeProvider clock) : IBookingCover
{
    private static readonly ResourceKind[] Rooms = [ResourceKind.MeetingRoom, ResourceKind.VideoRoom];

    public async Task<bool> MayCoverAsync(AppDb db, Booking booking, string timeZone, CancellationToken ct)
    {
        if (booking.MemberId is not { } member || booking.PriceCents == 0)
        {
            return false;
        }
        var day = LocalDay(booking.Start, timeZone);
        return await Holding(db, member, day).AnyAsync(ct);
    }

    public async Task<bool> HoldsCoverAsync(AppDb db, Booking booking, string timeZone, CancellationToken ct)
    {
        if (booking.MemberId is null)
        {
            return false;
        }
        var (usable, offers, _, minutes) = await UsableAsync(db, booking, timeZone, ct);
        return Covering(usable, offers, booking, minutes).Any()
            || (Rooms.Contains(booking.Kind) && usable.Any(s => offers[s.OfferId].Credits.Any(c => c.Kind == CreditKind.MeetingRoomHours)));
    }

    public async Task CoverAsync(AppDb db, Booking booking, string timeZone, CancellationToken ct)
    {
        var (usable, offers, day, minutes) = await UsableAsync(db, booking, timeZone, ct);
        var now = clock.GetUtcNow().UtcDateTime;

        foreach (var s in Covering(usable, offers, booking, minutes))
        {
            var offer = offers[s.OfferId];
            if (s.IsPlan && offer.DaysPerWeek is null)
            {
                db.AllowanceUses.Add(new AllowanceUse(s.Id, null, booking.Id, day, 0, booking.PriceCents, now));
                Free(booking, 0);
                return;
            }
            var (first, last, granted) = s.IsPlan ? Week(day, offer.DaysPerWeek!.Value) : (s.StartsOn, s.EndsOn!.Value, Days(s, offer));
            var allowance = await LockAsync(db, s.Id, AllowanceUnit.Days, first, last, granted, ct);
            // a day already taken by another booking of the day covers this one too
            var taken = await db.AllowanceUses.AnyAsync(u => u.AllowanceId == allowance.Id && u.Day == day
                && db.Set<Booking>().Any(b => b.Id == u.BookingId && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Confirmed)), ct);
            if (!taken && allowance.Left < 1)
            {
                continue;
            }
            if (!taken)
            {
                await TakeAsync(db, allowance.Id, 1, ct);
            }
            db.AllowanceUses.Add(new AllowanceUse(s.Id, allowance.Id, booking.Id, day, taken ? 0 : 1, booking.PriceCents, now));
            Free(booking, 0);
            return;
        }

        if (!Rooms.Contains(booking.Kind))
        {
            return;
        }
        var left = minutes;
        foreach (var s in usable.Where(s => offers[s.OfferId].Credits.Any(c => c.Kind == CreditKind.MeetingRoomHours)).OrderBy(s => s.EndsOn ?? DateOnly.MaxValue).ThenBy(s => s.Id))
        {
            var hours = offers[s.OfferId].Credits.Where(c => c.Kind == CreditKind.MeetingRoomHours).Sum(c => c.Amount);
            var (first, last) = s.IsPlan ? Month(day, s) : (s.StartsOn, s.EndsOn!.Value);
            var allowance = await LockAsync(db, s.Id, AllowanceUnit.Minutes, first, last, hours * 60, ct);
            var take = Math.Min(left, allowance.Left);
            if (take <= 0)
            {
                continue;
            }
            await TakeAsync(db, allowance.Id, take, ct);
            var covered = (long)Math.Round((decimal)booking.PriceCents * take / minutes, MidpointRounding.AwayFromZero);
            db.AllowanceUses.Add(new AllowanceUse(s.Id, allowance.Id, booking.Id, day, take, covered, now));
            left -= take;
            if (left == 0)
            {
                break;
            }
        }
        if (left < minutes)
        {
            Free(booking, (long)Math.Round((decimal)booking.PriceCents * left / minutes, MidpointRounding.AwayFromZero));
        }
    }

    public async Task ReleaseAsync(AppDb db, Guid bookingId, CancellationToken ct)
    {
        var uses = await db.AllowanceUses.AsNoTracking().Where(u => u.BookingId == bookingId).ToListAsync(ct);
        var taken = uses.Where(u => u.AllowanceId is not null && u.Amount > 0).ToList();
        var ids = taken.Select(u => u.AllowanceId!.Value).ToList();
        var units = taken.Count == 0 ? [] : await db.Allowances.Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.Unit, ct);
        foreach (var use in taken)
        {
            var unit = units[use.AllowanceId!.Value];
            // a day of a pass still used by another booking of that day passes to it rather than coming back
            var heir = unit != AllowanceUnit.Days ? null : await db.AllowanceUses
                .Where(u => u.AllowanceId == use.AllowanceId && u.Day == use.Day && u.BookingId != bookingId
                    && db.Set<Booking>().Any(b => b.Id == u.BookingId && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Confirmed)))
                .Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
            if (heir is { } next)
            {
                await db.AllowanceUses.Where(u => u.Id == next).ExecuteUpdateAsync(x => x.SetProperty(u => u.Amount, use.Amount), ct);
            }
            else
            {
                await db.Allowances.Where(a => a.Id == use.AllowanceId).ExecuteUpdateAsync(x => x.SetProperty(a => a.Used, a => a.Used - use.Amount), ct);
            }
        }
        await db.AllowanceUses.Where(u => u.BookingId == bookingId).ExecuteDeleteAsync(ct);
    }

    /// The member's subscriptions that hold the booking's day (not paused) and open its location and hours, with their offers.
    private static async Task<(List<Subscription> Usable, Dictionary<Guid, Offer> Offers, DateOnly Day, int Minutes)> UsableAsync(
        AppDb db, Booking booking, string timeZone, CancellationToken ct)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var (localStart, localEnd) = (TimeZoneInfo.ConvertTimeFromUtc(booking.Start, zone), TimeZoneInfo.ConvertTimeFromUtc(booking.End, zone));
        var day = DateOnly.FromDateTime(localStart);
        var minutes = (int)Math.Ceiling((booking.End - booking.Start).TotalMinutes);
        var held = (await Holding(db, booking.MemberId!.Value, day).AsNoTracking().ToListAsync(ct)).Where(s => s.Covers(day)).ToList();
        var offerIds = held.Select(s => s.OfferId).Distinct().ToList();
        var offers = await db.Offers.AsNoTracking().AsSplitQuery().Where(o => offerIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        return ([.. held.Where(s => Opens(offers[s.OfferId], booking.LocationId, localStart, localEnd))], offers, day, minutes);
    }

    /// Those covering the booking's kind of resource, in the order they are used.
    private static IEnumerable<Subscription> Covering(List<Subscription> usable, Dictionary<Guid, Offer> offers, Booking booking, int minutes) =>
        usable.Where(s => offers[s.OfferId].Covers.Any(c => c.Kind == booking.Kind) && (s.Kind != OfferKind.HalfDayPass || minutes <= 240))
            .OrderBy(s => Rank(s, offers[s.OfferId])).ThenBy(s => s.EndsOn ?? DateOnly.MaxValue).ThenBy(s => s.Id);

    /// The member's subscriptions that may hold the day (pauses are checked in memory).
    private static IQueryable<Subscription> Holding(AppDb db, Guid memberId, DateOnly day) =>
        db.Subscriptions.Where(s => s.MemberId == memberId && s.StartsOn <= day && (s.EndsOn == null || s.EndsOn >= day)
            && s.Kind != OfferKind.MembershipFee && s.Kind != OfferKind.Product);

    /// Unlimited plans first, then part-time plans, then passes.
    private static int Rank(Subscription s, Offer offer) => s.IsPlan ? (offer.DaysPerWeek is null ? 0 : 1) : 2;

    /// The location and the hours the offer opens.
    private static bool Opens(Offer offer, Guid locationId, DateTime localStart, DateTime localEnd)
    {
        var place = offer.LocationId == locationId
            || (offer.LocationId is null && (offer.OpenedLocations.Count == 0 || offer.OpenedLocations.Any(l => l.LocationId == locationId)));
        if (!place)
        {
            return false;
        }
        if (offer.AccessFrom is not { } from || offer.AccessTo is not { } to)
        {
            return true;
        }
        return localStart.Date == localEnd.Date && TimeOnly.FromDateTime(localStart) >= from && TimeOnly.FromDateTime(localEnd) <= to;
    }

    /// Days a pass or bundle holds: a bundle's passes, a week pass's seven days, one day otherwise.
    public static int Days(Subscription s, Offer offer) => s.Kind switch
    {
        OfferKind.Bundle => offer.PassCount ?? 1,
        OfferKind.WeekPass => offer.ValidityDays ?? 7,
        _ => 1,
    };

    /// The local week (Monday to Sunday) of a day, with a part-time plan's days.
    public static (DateOnly First, DateOnly Last, int Granted) Week(DateOnly day, int daysPerWeek)
    {
        var monday = Weeks.MondayOf(day);
        return (monday, monday.AddDays(6), daysPerWeek);
    }

    /// The calendar month of a day, within the subscription's dates: a month's credits are usable in that month only.
    public static (DateOnly First, DateOnly Last) Month(DateOnly day, Subscription s)
    {
        var first = new DateOnly(day.Year, day.Month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        return (first < s.StartsOn ? s.StartsOn : first, s.EndsOn is { } end && end < last ? end : last);
    }

    /// The allowance of the period, made when first needed, locked for the rest of the transaction.
    private static async Task<Allowance> LockAsync(AppDb db, Guid subscriptionId, AllowanceUnit unit, DateOnly first, DateOnly last, int granted, CancellationToken ct)
    {
        var (id, unitText) = (Guid.CreateVersion7(), unit.ToString());
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "Allowances" ("Id", "SubscriptionId", "Unit", "PeriodStart", "PeriodEnd", "Granted", "Used") VALUES ({id}, {subscriptionId}, {unitText}, {first}, {last}, {granted}, 0) ON CONFLICT ("SubscriptionId", "Unit", "PeriodStart") DO NOTHING""",
            ct);
        var query = db.IsPostgres
            ? db.Allowances.FromSql($"""SELECT * FROM "Allowances" WHERE "SubscriptionId" = {subscriptionId} AND "Unit" = {unitText} AND "PeriodStart" = {first} FOR UPDATE""")
            : db.Allowances.Where(a => a.SubscriptionId == subscriptionId && a.Unit == unit && a.PeriodStart == first);
        return await query.AsNoTracking().SingleAsync(ct); // one row by its unique key (First would warn: no order)
    }

    /// Under the lock; the condition and the CHECK stand guard should anything else have changed it.
    private static async Task TakeAsync(AppDb db, Guid allowanceId, int amount, CancellationToken ct)
    {
        var taken = await db.Allowances.Where(a => a.Id == allowanceId && a.Used + amount <= a.Granted)
            .ExecuteUpdateAsync(x => x.SetProperty(a => a.Used, a => a.Used + amount), ct);
        if (taken != 1)
        {
            throw new InvalidOperationException($"Allowance {allowanceId} changed under its lock.");
        }
    }

    private static void Free(Booking booking, long cents) => booking.Price(cents, booking.Currency, booking.VatMilliPercent);

    private static DateOnly LocalDay(DateTime utc, string timeZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, TimeZoneInfo.FindSystemTimeZoneById(timeZone)));
}
