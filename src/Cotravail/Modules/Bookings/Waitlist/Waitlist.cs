using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Email;
using Cotravail.Common.Errors;
using Cotravail.Modules.Resources;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Bookings;

/// Joining a taken slot's waitlist, leaving it, and giving freed slots to the first in line: each
/// waiting entry is replayed through the booking rules and the guarded write, in the order people
/// joined, so a freed slot goes to exactly one of them (decision 0007 still holds).
///
/// Per resource (BookingPolicy.WaitlistMode) the first in line is either booked directly, or offered
/// the slot: the offer is a Pending booking written through the same guarded insert as any booking, so
/// the database's no-overlap guarantee covers it and nobody else can take the slot; the entry becomes
/// Offered and points at it. Accepting, declining and expiring are conditional UPDATEs of the entry
/// from Offered (then of the hold from Pending) in one transaction, so exactly one of them wins.
internal sealed class Waitlist(AppDb db, TimeProvider clock, BookingNotice notice, SiteLinks links, IMemberLinks members, BookResource book, SeatWriter writer)
{
    internal sealed record EntryResponse(
        Guid Id, Guid ResourceId, string Start, string End, WaitlistStatus Status, Guid? BookingId, DateTime? OfferExpiresAt);

    public async Task<Result<EntryResponse>> JoinAsync(BookResource.Request request, AccessScope scope, CancellationToken ct)
    {
        var prepared = await book.PrepareAsync(request, scope, ct);
        if (!prepared.IsOk)
        {
            return prepared.Error;
        }
        var booking = prepared.Value.Booking;
        if (booking.MemberId is not { } memberId)
        {
            return new Invalid("resourceId", BookingMessages.MembersOnly);
        }
        var holding = await db.Bookings.CountAsync(b => b.ResourceId == booking.ResourceId
            && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Confirmed)
            && b.BlockStart < booking.BlockEnd && booking.BlockStart < b.BlockEnd, ct);
        if (holding < prepared.Value.Seats)
        {
            return new Conflict("start", BookingMessages.SlotIsFree);
        }
        var entry = new WaitlistEntry(booking.ResourceId, booking.LocationId, scope.UserId!.Value, memberId, request.Start, request.End,
            booking.Start, request.Title, clock.GetUtcNow().UtcDateTime);
        db.Add(entry);
        await db.SaveChangesAsync(ct);
        return Response(entry);
    }

    /// One's waiting entries and open offers, soonest first.
    public Task<List<EntryResponse>> ListMineAsync(AccessScope scope, CancellationToken ct) =>
        db.Waitlist.AsNoTracking()
            .Where(w => w.UserId == scope.UserId && (w.Status == WaitlistStatus.Waiting || w.Status == WaitlistStatus.Offered))
            .OrderBy(w => w.StartUtc)
            .Select(w => new EntryResponse(w.Id, w.ResourceId, w.LocalStart, w.LocalEnd, w.Status, w.BookingId, w.OfferExpiresAt)).ToListAsync(ct);

    /// Leaves the line; leaving with an open offer declines it.
    public async Task<Result<bool>> LeaveAsync(Guid id, AccessScope scope, CancellationToken ct)
    {
        var entry = await db.Waitlist.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id && w.UserId == scope.UserId, ct);
        if (entry is null || entry.Status is not (WaitlistStatus.Waiting or WaitlistStatus.Offered))
        {
            return new NotFound("Waitlist");
        }
        if (entry.Status == WaitlistStatus.Offered)
        {
            var declined = await CloseOfferAsync(entry, WaitlistStatus.Withdrawn, ct);
            return declined.IsOk ? true : declined.Error;
        }
        var left = await db.Waitlist.Where(w => w.Id == id && w.Status == WaitlistStatus.Waiting)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.Status, WaitlistStatus.Withdrawn), ct);
        return left == 1 ? true : new Conflict("status", BookingMessages.OfferClosed);
    }

    /// Takes an open offer before it expires: the held slot becomes one's booking (a request, when the resource needs approval).
    public async Task<Result<EntryResponse>> AcceptAsync(Guid id, AccessScope scope, CancellationToken ct)
    {
        var entry = await db.Waitlist.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id && w.UserId == scope.UserId, ct);
        if (entry is null)
        {
            return new NotFound("Waitlist");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var approval = await db.Resources.Where(r => r.Id == entry.ResourceId).Select(r => r.Policy.RequiresApproval).FirstAsync(ct);
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var claimed = await db.Waitlist.Where(w => w.Id == id && w.Status == WaitlistStatus.Offered && w.OfferExpiresAt > now)
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.Status, WaitlistStatus.Booked), ct);
            if (claimed != 1)
            {
                return new Conflict("status", BookingMessages.OfferClosed);
            }
            if (!approval)
            {
                var confirmed = await db.Bookings.Where(b => b.Id == entry.BookingId && b.Status == BookingStatus.Pending)
                    .ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BookingStatus.Confirmed), ct);
                if (confirmed != 1)
                {
                    return new Conflict("status", BookingMessages.OfferClosed); // the hold was cancelled: rolled back
                }
                await notice.SendAsync(entry.BookingId!.Value, BookingEmails.FromWaitlist, ct);
                await db.SaveChangesAsync(ct);
            }
            await tx.CommitAsync(ct);
        }
        return Response(await db.Waitlist.AsNoTracking().FirstAsync(w => w.Id == id, ct));
    }

    /// Turns an open offer down; the slot goes to the next in line at once.
    public async Task<Result<EntryResponse>> DeclineAsync(Guid id, AccessScope scope, CancellationToken ct)
    {
        var entry = await db.Waitlist.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id && w.UserId == scope.UserId, ct);
        if (entry is null)
        {
            return new NotFound("Waitlist");
        }
        var declined = await CloseOfferAsync(entry, WaitlistStatus.Declined, ct);
        if (!declined.IsOk)
        {
            return declined.Error;
        }
        return Response(await db.Waitlist.AsNoTracking().FirstAsync(w => w.Id == id, ct));
    }

    /// Offers past their expiry lapse (their members are told) and their slots go to the next in line.
    public async Task<int> ExpireOffersAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var lapsed = await db.Waitlist.AsNoTracking().Where(w => w.Status == WaitlistStatus.Offered && w.OfferExpiresAt <= now)
            .OrderBy(w => w.OfferExpiresAt).Take(200).ToListAsync(ct);
        var expired = 0;
        foreach (var entry in lapsed)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var claimed = await db.Waitlist.Where(w => w.Id == entry.Id && w.Status == WaitlistStatus.Offered && w.OfferExpiresAt <= now)
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.Status, WaitlistStatus.Expired), ct);
            if (claimed != 1)
            {
                continue; // accepted, declined or expired by another instance meanwhile
            }
            var released = await db.Bookings.Where(b => b.Id == entry.BookingId && b.Status == BookingStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BookingStatus.Expired), ct);
            if (released == 1)
            {
                await notice.SendAsync(entry.BookingId!.Value, BookingEmails.OfferExpired, ct);
                await db.SaveChangesAsync(ct);
            }
            await tx.CommitAsync(ct);
            expired++;
        }
        return expired;
    }

    /// Books (or offers) waiting members into what is free now, first come first served; answers how many got in.
    public async Task<int> PromoteAsync(Guid? resourceId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var waiting = await db.Waitlist.AsNoTracking()
            .Where(w => w.Status == WaitlistStatus.Waiting && w.StartUtc > now && (resourceId == null || w.ResourceId == resourceId))
            .Join(db.Resources, w => w.ResourceId, r => r.Id, (w, r) => new { Entry = w, r.Policy.WaitlistMode, r.Policy.OfferMinutes })
            .OrderBy(x => x.Entry.CreatedAt).Take(200).ToListAsync(ct);
        var promoted = 0;
        foreach (var (entry, mode, offerMinutes) in waiting.Select(x => (x.Entry, x.WaitlistMode, x.OfferMinutes)))
        {
            var scope = await Access.LoadAsync(db, members, entry.UserId, ct);
            var request = new BookResource.Request { ResourceId = entry.ResourceId, Start = entry.LocalStart, End = entry.LocalEnd, Title = entry.Title, MemberId = entry.MemberId };
            var prepared = await book.PrepareAsync(request, scope, ct);
            if (!prepared.IsOk)
            {
                continue; // no longer allowed (e.g. the booking window): the entry keeps waiting until its start
            }
            var booking = prepared.Value.Booking;
            if (mode == WaitlistMode.Offer)
            {
                booking.HoldForOffer();
            }
            if (!await writer.InsertAsync(db, booking, prepared.Value.Seats, ct))
            {
                continue; // still taken (or held by an offer to someone earlier in line)
            }
            // The entry is claimed by a conditional update, so two sweeps never book or offer it twice.
            var expires = Min(now + new BookingPolicy { OfferMinutes = offerMinutes }.OfferHold, DateTime.SpecifyKind(entry.StartUtc, DateTimeKind.Utc));
            var closed = mode == WaitlistMode.Offer
                ? await db.Waitlist.Where(w => w.Id == entry.Id && w.Status == WaitlistStatus.Waiting)
                    .ExecuteUpdateAsync(s => s.SetProperty(w => w.Status, WaitlistStatus.Offered).SetProperty(w => w.BookingId, booking.Id)
                        .SetProperty(w => w.OfferExpiresAt, expires), ct)
                : await db.Waitlist.Where(w => w.Id == entry.Id && w.Status == WaitlistStatus.Waiting)
                    .ExecuteUpdateAsync(s => s.SetProperty(w => w.Status, WaitlistStatus.Booked).SetProperty(w => w.BookingId, booking.Id), ct);
            if (closed != 1)
            {
                await db.Bookings.Where(b => b.Id == booking.Id && b.Status == booking.Status)
                    .ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BookingStatus.Cancelled).SetProperty(b => b.CancelledAt, now), ct);
                db.Entry(booking).State = EntityState.Detached;
                continue;
            }
            if (mode == WaitlistMode.Offer)
            {
                var localExpiry = WallClock.ToLocal(expires, TimeZoneInfo.FindSystemTimeZoneById(prepared.Value.TimeZone));
                var link = links.Absolute("/me/bookings#waitlist");
                await notice.SendAsync(booking.Id, (l, name, resource, start) => BookingEmails.Offered(l, name, resource, start, localExpiry, link), ct);
            }
            else
            {
                await notice.SendAsync(booking.Id, BookingEmails.FromWaitlist, ct);
            }
            await db.SaveChangesAsync(ct);
            promoted++;
        }
        return promoted;
    }

    /// Closes an open offer (declined or left): the entry from Offered, then its hold from Pending, in one
    /// transaction; then the slot goes to the next in line.
    private async Task<Result<bool>> CloseOfferAsync(WaitlistEntry entry, WaitlistStatus to, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            var claimed = await db.Waitlist.Where(w => w.Id == entry.Id && w.Status == WaitlistStatus.Offered)
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.Status, to), ct);
            if (claimed != 1)
            {
                return new Conflict("status", BookingMessages.OfferClosed);
            }
            await db.Bookings.Where(b => b.Id == entry.BookingId && b.Status == BookingStatus.Pending)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BookingStatus.Cancelled).SetProperty(b => b.CancelledAt, now), ct);
            await tx.CommitAsync(ct);
        }
        await PromoteAsync(entry.ResourceId, ct);
        return true;
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static EntryResponse Response(WaitlistEntry w) => new(w.Id, w.ResourceId, w.LocalStart, w.LocalEnd, w.Status, w.BookingId, w.OfferExpiresAt);
}
