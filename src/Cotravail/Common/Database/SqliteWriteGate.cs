using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Common.Database;

/// SQLite lets one writer in at a time and makes the others sleep and retry (busy timeout), which
/// wastes most of the time under contention. Writers of one process queue here instead, one gate per
/// database file, so a write transaction starts as soon as the previous one ends. Other processes
/// still meet SQLite's own lock; PostgreSQL needs no gate.
internal static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, Gate> Gates = new(StringComparer.Ordinal);

    /// How many writers of this process wait at a gate (the metric cotravail.db.sqlite.waiting_writers), or null
    /// when no SQLite database was written to.
    public static int? Waiting() => Gates.IsEmpty ? null : Gates.Values.Sum(g => Volatile.Read(ref g.Waiting));

    public static async Task<IDisposable?> EnterAsync(AppDb db, CancellationToken ct)
    {
        if (db.IsPostgres)
        {
            return null;
        }
        return await EnterAsync(db.Database.GetConnectionString() ?? "", ct);
    }

    /// The gate of the SQLite database behind this connection string.
    public static async Task<IDisposable> EnterAsync(string connectionString, CancellationToken ct)
    {
        var gate = Gates.GetOrAdd(connectionString, _ => new Gate());
        Interlocked.Increment(ref gate.Waiting);
        try
        {
            await gate.Semaphore.WaitAsync(ct);
        }
        finally
        {
            Interlocked.Decrement(ref gate.Waiting);
        }
        return new Release(gate.Semaphore);
    }

    private sealed class Gate
    {
        public readonly SemaphoreSlim Semaphore = new(1, 1);
        public int Waiting;
    }

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
