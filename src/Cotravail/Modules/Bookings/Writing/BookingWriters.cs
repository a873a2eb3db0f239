using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Cotravail.Modules.Bookings;

/// The group writers of the app's database (decisions 0011 and 0012), one per engine and connection string,
/// made on first use. A singleton the Bookings module registers, and a hosted service: when the host stops,
/// their loops write what waits, close their sessions and end, and later writes are refused.
internal sealed class BookingWriters : IHostedService, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, SqliteGroupWriter> sqlite = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PostgresGroupWriter> postgres = new(StringComparer.Ordinal);
    private volatile bool closed;

    public Task WriteAsync(string connectionString, IReadOnlyList<SqliteCommand> commands, CancellationToken ct)
    {
        ThrowIfClosed();
        return sqlite.GetOrAdd(connectionString, c => new SqliteGroupWriter(c)).WriteAsync(commands, ct);
    }

    public Task WriteAsync(string connectionString, IReadOnlyList<NpgsqlBatchCommand> commands, CancellationToken ct)
    {
        ThrowIfClosed();
        return postgres.GetOrAdd(connectionString, c => new PostgresGroupWriter(c)).WriteAsync(commands, ct);
    }

    /// How many writers were made, and whether all of their loops have ended.
    public (int Writers, bool AllStopped) State =>
        (sqlite.Count + postgres.Count, sqlite.Values.All(w => w.Stopped) && postgres.Values.All(w => w.Stopped));

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => CloseAsync();

    public async ValueTask DisposeAsync() => await CloseAsync();

    private async Task CloseAsync()
    {
        closed = true;
        await Task.WhenAll([.. sqlite.Values.Select(w => w.CloseAsync()), .. postgres.Values.Select(w => w.CloseAsync())]);
    }

    private void ThrowIfClosed()
    {
        if (closed)
        {
            throw new InvalidOperationException("The booking writers are stopped: the host is shutting down.");
        }
    }
}
