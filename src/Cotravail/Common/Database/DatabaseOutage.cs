using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Cotravail.Common.Database;

/// The database cannot be reached or used right now (refused or broken connection, pool or command timeout,
/// a SQLite file that cannot be opened or read): a 503 that says to come back, not a bug. Looks through
/// wrappers (DbUpdateException, EF's transient-failure InvalidOperationException, AggregateException).
internal static class DatabaseOutage
{
    /// What the 503 answers tell clients to wait before trying again.
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public static bool Matches(Exception exception) => Chain(exception).Any(e => e switch
    {
        NpgsqlException n => n.IsTransient,
        // SQLITE_BUSY after the busy timeout, SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN.
        SqliteException s => s.SqliteErrorCode is 5 or 10 or 13 or 14,
        SocketException or TimeoutException => true,
        _ => false,
    });

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        var pending = new Stack<Exception>([exception]);
        for (var seen = 0; pending.Count > 0 && seen < 32; seen++)
        {
            var e = pending.Pop();
            yield return e;
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions)
                {
                    pending.Push(inner);
                }
            }
            else if (e.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
    }
}
