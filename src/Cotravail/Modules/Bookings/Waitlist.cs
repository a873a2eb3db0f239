using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Bookings;

/// Joining a taken slot's waitlist, leaving it, and giving freed slots to the first in line: each
/// waiting entry is replayed through the booking rules and the guarded write, in the order people
/// joined, so a freed slot goes to exactly one of them (decision 0007 still holds).
internal sealed class Waitlist(AppDb db, TimeProvider clock, BookingNotice notice)
{
    internal sealed record EntryResponse(Guid Id, Guid ResourceId, string Start, string End, WaitlistStatus Status, Guid? BookingId);

    public async Task<Result<EntryResponse>> JoinAsync(BookResource.Request request, AccessScope scope, CancellationToken ct)
    {
        var prepared = await BookResource.PrepareAsync(request, db, scope, clock, ct);
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

    public Task<List<EntryResponse>> ListMineAsync(AccessScope scope, CancellationToken ct) =>
        db.Set<WaitlistEntry>().AsNoTracking().Where(w => w.UserId == scope.UserId && w.Status == WaitlistStatus.Waiting)
            .OrderBy(w => w.StartUtc)
            .Select(w => new EntryResponse(w.Id, w.ResourceId, w.LocalStart, w.LocalEnd, w.Status, w.BookingId)).ToListAsync(ct);

    public async Task<Result<bool>> LeaveAsync(Guid id, AccessScope scope, CancellationToken ct)
    {
        var entry = await db.Set<WaitlistEntry>().FirstOrDefaultAsync(w => w.Id == id && w.UserId == scope.UserId && w.Status == WaitlistStatus.Waiting, ct);
        if (entry is null)
        {
            return new NotFound("Waitlist");
        }
        entry.Withdraw();
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// Books waiting members into what is free now, first come first served; answers how many got in.
    public async Task<int> PromoteAsync(Guid? resourceId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var waiting = await db.Set<WaitlistEntry>().AsNoTracking()
            .Where(w => w.Status == WaitlistStatus.Waiting && w.StartUtc > now && (resourceId == null || w.ResourceId == resourceId))
            .OrderBy(w => w.CreatedAt).Take(200).ToListAsync(ct);
        var promoted = 0;
        foreach (var entry in waiting)
        {
            var scope = await Access.LoadAsync(db, entry.UserId, ct);
            var request = new BookResource.Request { ResourceId = entry.ResourceId, Start = entry.LocalStart, End = entry.LocalEnd, Title = entry.Title, MemberId = entry.MemberId };
            var prepared = await BookResource.PrepareAsync(request, db, scope, clock, ct);
            if (!prepared.IsOk || !await SeatWriter.InsertAsync(db, prepared.Value.Booking, prepared.Value.Seats, ct))
            {
                continue; // still taken (or no longer allowed): the entry keeps waiting until its start
            }
            // The entry is closed by a conditional update, so two sweeps never book it twice.
            var closed = await db.Set<WaitlistEntry>().Where(w => w.Id == entry.Id && w.Status == WaitlistStatus.Waiting)
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.Status, WaitlistStatus.Booked).SetProperty(w => w.BookingId, prepared.Value.Booking.Id), ct);
            if (closed != 1)
            {
                prepared.Value.Booking.Cancel(now);
                await db.SaveChangesAsync(ct);
                continue;
            }
            await notice.SendAsync(prepared.Value.Booking.Id, BookingEmails.FromWaitlist, ct);
            await db.SaveChangesAsync(ct);
            promoted++;
        }
        return promoted;
    }

    private static EntryResponse Response(WaitlistEntry w) => new(w.Id, w.ResourceId, w.LocalStart, w.LocalEnd, w.Status, w.BookingId);
}
