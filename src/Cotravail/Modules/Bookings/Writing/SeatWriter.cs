using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Common.Telemetry;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cotravail.Modules.Bookings;

/// Writes a booking on the lowest free seat. A single seat is one INSERT that the database itself
/// accepts or refuses (PostgreSQL's exclusion constraint, SQLite's overlap trigger, one writer at a
/// time). A zone's seats: SQLite checks and inserts in one IMMEDIATE transaction, the trigger being the
/// backstop; PostgreSQL asks which seats are free and the constraint settles a race, the next seat tried.
/// Whatever else the caller added to the context (attendees, outbox emails) is written in the same
/// transaction as the booking; when no seat is free, every added entry is detached again.
/// A singleton (registered by the Bookings module) for the group writers it hands lone writes to.
/// Every booking written and every one refused for a taken slot is counted (AppMetrics).
internal sealed class SeatWriter(BookingWriters writers, AppMetrics metrics)
{
    public async Task<bool> InsertAsync(AppDb db, Booking booking, int seats, CancellationToken ct)
    {
        var written = db.IsPostgres ? await InsertByConstraintAsync(db, booking, seats, ct) : await InsertCheckedAsync(db, booking, seats, ct);
        Count([booking], written);
        return written;
    }

    /// Written: each booking counted as created; refused: one conflict (a series refused whole is one refusal).
    private void Count(IEnumerable<Booking> bookings, bool written, string operation = "create")
    {
        if (!written)
        {
            metrics.BookingConflict(operation);
            return;
        }
        foreach (var booking in bookings)
        {
            metrics.BookingCreated(booking.LocationId, booking.Kind.ToString());
        }
    }

    /// PostgreSQL: no pre-check for a single seat, the exclusion constraint decides in the insert's own
    /// round trip; a zone asks which seats are taken, then the constraint settles any race.
    private async Task<bool> InsertByConstraintAsync(AppDb db, Booking booking, int seats, CancellationToken ct)
    {
        db.Bookings.Add(booking);
        long? queue = null;
        for (var attempt = 0; attempt <= seats; attempt++)
        {
            var seat = seats == 1 ? 1 : await FreeSeatAsync(db, booking, seats, ct);
            if (seat == 0)
            {
                break;
            }
            booking.AssignSeat(seat);
            try
            {
                await SaveAddedAsync(db, ct, queue);
                return true;
            }
            catch (Exception e) when (queue is null && (e is DbUpdateException ? e.InnerException : e) is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected })
            {
                // Two inserts of one slot in flight each waited for the other's uncommitted row and PostgreSQL
                // aborted this one: try again once, queued behind the resource's advisory lock this time.
                queue = LockKey(booking.ResourceId);
                attempt--;
            }
            catch (Exception e) when (IsOverlap(e) && seats > 1)
            {
                // another request took this seat meanwhile: the entries stay Added for the next one
            }
            catch (Exception e) when (IsOverlap(e))
            {
                break;
            }
        }
        DetachAdded(db);
        return false;
    }

    /// SQLite, one writer at a time: a single seat is decided by the overlap trigger inside the insert
    /// itself, as the exclusion constraint does on PostgreSQL; a zone's free-seat check and the insert
    /// share one IMMEDIATE transaction.
    private async Task<bool> InsertCheckedAsync(AppDb db, Booking booking, int seats, CancellationToken ct)
    {
        if (seats == 1)
        {
            booking.AssignSeat(1);
            db.Bookings.Add(booking);
            // new rows only and no transaction of the caller's: committed together with other bookings of the moment
            var added = db.Database.CurrentTransaction is null ? RowInserter.Pending(db) : null;
            using var direct = added is null ? await SqliteWriteGate.EnterAsync(db, ct) : null;
            try
            {
                if (added is not null)
                {
                    await writers.WriteAsync(db.Database.GetConnectionString()!, RowInserter.SqliteCommands(db, added), ct);
                    RowInserter.Accept(added);
                }
                else
                {
                    await SaveAddedAsync(db, ct);
                }
                return true;
            }
            catch (Exception e) when (IsOverlap(e))
            {
                DetachAdded(db);
                return false;
            }
        }
        using var gate = await SqliteWriteGate.EnterAsync(db, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Database.AutoSavepointsEnabled = false; // one save in this transaction: no savepoint commands
        try
        {
            var seat = await FreeSeatAsync(db, booking, seats, ct);
            if (seat == 0)
            {
                DetachAdded(db);
                return false;
            }
            booking.AssignSeat(seat);
            db.Bookings.Add(booking);
            await SaveAddedAsync(db, ct);
            await tx.CommitAsync(ct);
            return true;
        }
        catch (Exception e) when (IsOverlap(e))
        {
            DetachAdded(db);
            return false;
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = true;
        }
    }

    /// Writes what the context holds: by hand when it is only new rows of plain tables (the booking, its
    /// attendees, its emails: RowInserter, one round trip on PostgreSQL), else through SaveChanges.
    /// PostgresLock (PostgreSQL): the resource's advisory lock, held by the write's transaction, so that
    /// bookings of one resource in flight queue rather than deadlock on the exclusion constraint (taken
    /// only after a deadlock: it would cost every booking an extra statement).
    private async Task SaveAddedAsync(AppDb db, CancellationToken ct, long? postgresLock = null)
    {
        if (RowInserter.Pending(db) is { } added)
        {
            await RowInserter.InsertAsync(db, added, writers, ct, postgresLock);
        }
        else if (postgresLock is { } key && db.Database.CurrentTransaction is null)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        else
        {
            await db.SaveChangesAsync(ct);
        }
    }

    /// PostgreSQL: the resources' advisory locks for the current transaction, in one order (no two
    /// writers each holding one the other wants).
    private static async Task LockResourcesAsync(AppDb db, IEnumerable<Guid> resources, CancellationToken ct)
    {
        if (!db.IsPostgres)
        {
            return;
        }
        foreach (var key in resources.Select(LockKey).Distinct().Order())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({key})", ct);
        }
    }

    /// The advisory lock key of a resource: the random half of its id (a collision only makes two
    /// resources' bookings queue together).
    private static long LockKey(Guid resourceId) => BitConverter.ToInt64(resourceId.ToByteArray(), 8);

    /// The lowest seat no active booking holds during the booking's blocked time, or 0.
    private static async Task<int> FreeSeatAsync(AppDb db, Booking booking, int seats, CancellationToken ct)
    {
        var (resourceId, from, to) = (booking.ResourceId, booking.BlockStart, booking.BlockEnd);
        var taken = await db.Bookings
            .Where(b => b.ResourceId == resourceId && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Confirmed)
                && b.BlockStart < to && from < b.BlockEnd)
            .Select(b => b.Seat).Distinct().ToListAsync(ct);
        return Enumerable.Range(1, seats).FirstOrDefault(s => !taken.Contains(s));
    }

    /// A booking that counts against a weekly limit: the limit is counted again inside the write's
    /// transaction, behind the resource's advisory lock (PostgreSQL) or the write gate (SQLite), which every
    /// member booking of a limited resource takes, so two of them racing past the limit are never both
    /// written. Returns the refusal (the limit, or the slot taken), or null once written.
    public async Task<Error?> InsertLimitedAsync(AppDb db, Booking booking, int seats, Func<CancellationToken, Task<Invalid?>> limit, CancellationToken ct)
    {
        var (written, over) = await InsertAllAsync(db, [(booking, seats)], null, limit, ct);
        return over is not null ? over : written ? null : new Conflict("start", BookingMessages.Taken);
    }

    /// All or none: the bookings of a series are checked and written in one transaction. AddDependents
    /// adds rows that refer to them (attendees, what covers them) once they are all written, in the same
    /// transaction.
    public async Task<bool> InsertAllAsync(AppDb db, IReadOnlyList<(Booking Booking, int Seats)> bookings, CancellationToken ct,
        Func<CancellationToken, Task>? addDependents = null) =>
        (await InsertAllAsync(db, bookings, addDependents, null, ct)).Written;

    /// A booking that what its member holds pays for (IBookingCover): Cover runs inside the write's transaction
    /// once the booking is written, so the booking and what it took are committed together or not at all.
    /// Returns the refusal (the weekly limit, or the slot taken), or null once written.
    public async Task<Error?> InsertCoveredAsync(AppDb db, Booking booking, int seats, Func<CancellationToken, Task<Invalid?>>? limit,
        Func<CancellationToken, Task> cover, CancellationToken ct)
    {
        var (written, over) = await InsertAllAsync(db, [(booking, seats)], cover, limit, ct);
        return over is not null ? over : written ? null : new Conflict("start", BookingMessages.Taken);
    }

    private async Task<(bool Written, Invalid? Over)> InsertAllAsync(
        AppDb db, IReadOnlyList<(Booking Booking, int Seats)> bookings, Func<CancellationToken, Task>? addDependents,
        Func<CancellationToken, Task<Invalid?>>? limit, CancellationToken ct)
    {
        var (written, over) = await WriteAllAsync(db, bookings, addDependents, limit, ct);
        if (over is null)
        {
            Count(bookings.Select(b => b.Booking), written);
        }
        return (written, over);
    }

    /// Limit: counted after the resources' locks, before anything is written.
    private async Task<(bool Written, Invalid? Over)> WriteAllAsync(
        AppDb db, IReadOnlyList<(Booking Booking, int Seats)> bookings, Func<CancellationToken, Task>? addDependents,
        Func<CancellationToken, Task<Invalid?>>? limit, CancellationToken ct)
    {
        using var gate = await SqliteWriteGate.EnterAsync(db, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            await LockResourcesAsync(db, bookings.Select(b => b.Booking.ResourceId), ct);
            if (limit is not null && await limit(ct) is { } over)
            {
                return (Abandon(db, bookings), over);
            }
            foreach (var (booking, seats) in bookings)
            {
                var seat = await FreeSeatAsync(db, booking, seats, ct);
                if (seat == 0)
                {
                    return (Abandon(db, bookings), null);
                }
                booking.AssignSeat(seat);
                db.Bookings.Add(booking);
                await db.SaveChangesAsync(ct); // seen by the next occurrence's check, committed with the others
            }
            if (addDependents is not null)
            {
                await addDependents(ct);
                await db.SaveChangesAsync(ct);
            }
            await tx.CommitAsync(ct);
            return (true, null);
        }
        catch (DbUpdateException e) when (IsOverlap(e))
        {
            return (Abandon(db, bookings), null);
        }
    }

    /// Writes a changed booking (already modified in the context): its own seat if still free, else the
    /// lowest free one, checked without the booking itself. False when none is free; then the booking
    /// and whatever else the caller changed or added are put back as they were.
    public async Task<bool> UpdateAsync(AppDb db, Booking booking, int seats, CancellationToken ct) =>
        (await UpdateAllAsync(db, [(booking, seats)], ct)).Count == 0;

    /// All or none: changed bookings are checked and written in one transaction. The moving bookings
    /// are first parked (not holding) inside it, so that they never collide with each other's old
    /// slots; nobody else sees that. Returns those for which no seat is free (none written then).
    public async Task<IReadOnlyList<Booking>> UpdateAllAsync(AppDb db, IReadOnlyList<(Booking Booking, int Seats)> bookings, CancellationToken ct) =>
        (await UpdateAllAsync(db, bookings, null, ct)).Taken;

    /// A change that counts against a weekly limit (UpdateAsync's): the limit is counted again inside the
    /// write's transaction, behind the resource's lock or the write gate, as InsertLimitedAsync does.
    /// Returns the refusal (the limit, or the slot taken), or null once written.
    public async Task<Error?> UpdateLimitedAsync(AppDb db, Booking booking, int seats, Func<CancellationToken, Task<Invalid?>> limit, CancellationToken ct)
    {
        var (taken, over) = await UpdateAllAsync(db, [(booking, seats)], limit, ct);
        return over is not null ? over : taken.Count > 0 ? new Conflict("start", BookingMessages.Taken) : null;
    }

    private async Task<(IReadOnlyList<Booking> Taken, Invalid? Over)> UpdateAllAsync(
        AppDb db, IReadOnlyList<(Booking Booking, int Seats)> bookings, Func<CancellationToken, Task<Invalid?>>? limit, CancellationToken ct)
    {
        var (taken, over) = await PlaceAllAsync(db, bookings, limit, ct);
        if (taken.Count > 0)
        {
            metrics.BookingConflict("change");
        }
        return (taken, over);
    }

    private async Task<(IReadOnlyList<Booking> Taken, Invalid? Over)> PlaceAllAsync(
        AppDb db, IReadOnlyList<(Booking Booking, int Seats)> bookings, Func<CancellationToken, Task<Invalid?>>? limit, CancellationToken ct)
    {
        using var gate = await SqliteWriteGate.EnterAsync(db, ct);
        var ids = bookings.Select(b => b.Booking.Id).ToList();
        for (var attempt = 0; ; attempt++)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            try
            {
                await LockResourcesAsync(db, bookings.Select(b => b.Booking.ResourceId), ct);
                if (limit is not null && await limit(ct) is { } over)
                {
                    await tx.RollbackAsync(ct);
                    Revert(db);
                    return ([], over);
                }
                await db.Bookings.Where(b => ids.Contains(b.Id)).ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BookingStatus.Cancelled), ct);
                var conflicts = await PlaceAsync(db, bookings, ct);
                if (conflicts.Count > 0)
                {
                    await tx.RollbackAsync(ct);
                    Revert(db);
                    return (conflicts, null);
                }
                await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, ct);
                await tx.CommitAsync(ct);
                db.ChangeTracker.AcceptAllChanges();
                return ([], null);
            }
            catch (DbUpdateException e) when (IsOverlap(e))
            {
                await tx.RollbackAsync(ct); // a racing writer took the seat between the check and the write: look again
                if (attempt >= bookings.Max(b => b.Seats))
                {
                    Revert(db);
                    return ([.. bookings.Select(b => b.Booking)], null);
                }
            }
        }
    }

    /// Chooses each booking's seat against the database and the bookings placed before it.
    private async Task<List<Booking>> PlaceAsync(AppDb db, IReadOnlyList<(Booking Booking, int Seats)> bookings, CancellationToken ct)
    {
        var conflicts = new List<Booking>();
        var placed = new List<Booking>();
        foreach (var (booking, seats) in bookings)
        {
            var taken = await db.Bookings
                .Where(b => b.ResourceId == booking.ResourceId && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Confirmed)
                    && b.BlockStart < booking.BlockEnd && booking.BlockStart < b.BlockEnd)
                .Select(b => b.Seat).Distinct().ToListAsync(ct);
            taken.AddRange(placed.Where(b => b.ResourceId == booking.ResourceId && b.BlockStart < booking.BlockEnd && booking.BlockStart < b.BlockEnd).Select(b => b.Seat));
            var entry = db.Entry(booking);
            var own = entry.Property(b => b.Seat).OriginalValue;
            var seat = own <= seats && !taken.Contains(own) ? own : Enumerable.Range(1, seats).FirstOrDefault(s => !taken.Contains(s));
            if (seat == 0)
            {
                conflicts.Add(booking);
                continue;
            }
            booking.AssignSeat(seat);
            entry.Property(b => b.Status).IsModified = true; // written back over the parked status even when unchanged
            placed.Add(booking);
        }
        return conflicts;
    }

    /// Puts the context back as it was before the caller's changes.
    private static void Revert(AppDb db)
    {
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Modified).ToList())
        {
            entry.CurrentValues.SetValues(entry.OriginalValues);
            entry.State = EntityState.Unchanged;
        }
        DetachAdded(db);
    }

    private static bool Abandon(AppDb db, IReadOnlyList<(Booking Booking, int Seats)> bookings)
    {
        foreach (var (booking, _) in bookings)
        {
            db.Entry(booking).State = EntityState.Detached;
        }
        DetachAdded(db);
        return false;
    }

    private static void DetachAdded(AppDb db)
    {
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }

    /// Whether the database refused an overlapping booking, through SaveChanges or RowInserter.
    /// A deadlock counts too: two writes of overlapping slots in flight each waited for the other's
    /// uncommitted row, and PostgreSQL aborted this one; the other holds the slot.
    public static bool IsOverlap(Exception exception) => (exception is DbUpdateException ? exception.InnerException : exception) switch
    {
        PostgresException p => p.SqlState is PostgresErrorCodes.ExclusionViolation or PostgresErrorCodes.DeadlockDetected,
        // a seat taken, or (migration 0019) the resource assigned to someone meanwhile: both leave the slot unbookable
        SqliteException s => s.Message.Contains("booking_overlap", StringComparison.Ordinal) || s.Message.Contains("booking_assigned", StringComparison.Ordinal),
        _ => false,
    };
}
