using System.Collections.Concurrent;
using System.Threading.Channels;
using Npgsql;

namespace Cotravail.Common.Database;

/// Group commit for PostgreSQL's booking hot path (decision 0012): the writes waiting at a given moment
/// go to the server in one batch, one transaction, each write inside its own savepoint, so one refused
/// by a constraint (a slot taken) is rolled back alone and the others commit together. Each caller
/// learns its own outcome only after the commit. What it saves is per-transaction work on both sides of
/// the socket (round trips, wake-ups, BEGIN and COMMIT), which on a small machine costs more than the
/// rows themselves: the whole group, BEGIN to COMMIT, is one round trip unless the server refuses a
/// write. A write alone is sent bare (its statements, sent together, are atomic). A few writers run side
/// by side, each keeping a pooled connection while there is work.
internal sealed class PostgresGroupWriter
{
    /// At most this many writes per transaction: each is a subtransaction, and PostgreSQL keeps up to 64
    /// of them per transaction in shared memory before every snapshot of every session gets slower.
    public const int MaxBatch = 32;

    /// Transactions in flight at once: the second fills while the first is on the server.
    public const int Writers = 2;

    private static readonly ConcurrentDictionary<string, PostgresGroupWriter> All = new(StringComparer.Ordinal);

    private readonly Channel<Work> queue = Channel.CreateUnbounded<Work>(new UnboundedChannelOptions { SingleReader = false });
    private readonly string connectionString;

    private PostgresGroupWriter(string connectionString)
    {
        this.connectionString = connectionString;
        for (var i = 0; i < Writers; i++)
        {
            _ = Task.Run(RunAsync);
        }
    }

    private sealed record Work(IReadOnlyList<NpgsqlBatchCommand> Commands, TaskCompletionSource Done, CancellationToken Ct);

    /// Runs the commands (one write: all or none of them) in the next group transaction; throws the
    /// PostgresException the server raised for them (their savepoint rolled back), or completes once
    /// they are committed.
    public static Task WriteAsync(string connectionString, IReadOnlyList<NpgsqlBatchCommand> commands, CancellationToken ct)
    {
        var work = new Work(commands, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), ct);
        if (!All.GetOrAdd(connectionString, c => new PostgresGroupWriter(c)).queue.Writer.TryWrite(work))
        {
            work.Done.SetException(new InvalidOperationException("The PostgreSQL group writer is closed."));
        }
        return work.Done.Task;
    }

    /// How long a writer keeps its connection once nothing waits, before giving it back to the pool.
    private static readonly TimeSpan IdleHold = TimeSpan.FromSeconds(1);

    private async Task RunAsync()
    {
        var batch = new List<Work>(MaxBatch);
        NpgsqlConnection? connection = null;
        while (true)
        {
            if (connection is not null && !queue.Reader.TryPeek(out _))
            {
                using var idle = new CancellationTokenSource(IdleHold);
                try
                {
                    await queue.Reader.WaitToReadAsync(idle.Token);
                }
                catch (OperationCanceledException)
                {
                    await connection.DisposeAsync();
                    connection = null;
                }
            }
            if (!await queue.Reader.WaitToReadAsync())
            {
                return;
            }
            batch.Clear();
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var work))
            {
                if (work.Ct.IsCancellationRequested)
                {
                    work.Done.SetException(new OperationCanceledException(work.Ct));
                }
                else
                {
                    batch.Add(work);
                }
            }
            if (batch.Count > 0)
            {
                connection = await WriteAsync(connection, batch);
            }
        }
    }

    /// Writes the batch on the connection (opened when null) and returns it, or null when it broke.
    private async Task<NpgsqlConnection?> WriteAsync(NpgsqlConnection? connection, List<Work> batch)
    {
        var failures = new Exception?[batch.Count];
        try
        {
            if (connection is null)
            {
                connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync();
            }
            if (batch.Count == 1 || await RoundAsync(connection, batch) is not null)
            {
                // alone, or after a refusal rolled the whole group back: each write on its own, its
                // statements (sent together) one implicit transaction on the server
                for (var i = 0; i < batch.Count; i++)
                {
                    failures[i] = await AloneAsync(connection, batch[i]);
                }
            }
        }
        catch (Exception e)
        {
            // nothing was committed: every write of the batch fails with it, and the connection goes
            for (var i = 0; i < batch.Count; i++)
            {
                failures[i] ??= e;
            }
            if (connection is not null)
            {
                await connection.DisposeAsync();
                connection = null;
            }
        }
        for (var i = 0; i < batch.Count; i++)
        {
            if (failures[i] is { } failure)
            {
                batch[i].Done.SetException(failure);
            }
            else
            {
                batch[i].Done.SetResult();
            }
        }
        return connection;
    }

    /// One round trip: BEGIN, every write's statements, COMMIT. Null when committed; else the error of
    /// the statement refused, the server having skipped the rest, and the transaction is rolled back.
    private static async Task<PostgresException?> RoundAsync(NpgsqlConnection connection, List<Work> batch)
    {
        await using var round = new NpgsqlBatch(connection);
        try
        {
            round.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN"));
            foreach (var work in batch)
            {
                foreach (var command in work.Commands)
                {
                    round.BatchCommands.Add(command);
                }
            }
            round.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
            await round.PrepareAsync(); // parsed and planned once per connection, then only bound
            await round.ExecuteNonQueryAsync();
            return null;
        }
        catch (PostgresException e)
        {
            round.BatchCommands.Clear();
            await using var rollback = new NpgsqlCommand("ROLLBACK", connection);
            await rollback.ExecuteNonQueryAsync();
            return e;
        }
        finally
        {
            round.BatchCommands.Clear(); // the commands belong to their writes
        }
    }

    /// One write alone, in one round trip: the server's refusal, or null once committed.
    private static async Task<PostgresException?> AloneAsync(NpgsqlConnection connection, Work work)
    {
        await using var round = new NpgsqlBatch(connection);
        try
        {
            foreach (var command in work.Commands)
            {
                round.BatchCommands.Add(command);
            }
            await round.PrepareAsync();
            await round.ExecuteNonQueryAsync();
            return null;
        }
        catch (PostgresException e)
        {
            return e;
        }
        finally
        {
            round.BatchCommands.Clear();
        }
    }
}
