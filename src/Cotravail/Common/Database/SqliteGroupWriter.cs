using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace Cotravail.Common.Database;

/// Group commit for SQLite, which has one writer at a time and pays for every commit (each B-tree page
/// a transaction dirties is written to the WAL again): the writes waiting at a given moment go in one
/// transaction, each inside its own savepoint, so one refused by a constraint or trigger is rolled
/// back alone and the others commit together (decision 0011). Each caller learns its own outcome only
/// after the commit. One writer per database, taking the process's SqliteWriteGate for each batch, on a
/// connection it keeps while there is work, with each statement prepared once.
internal sealed class SqliteGroupWriter
{
    /// At most this many writes per transaction: enough to share a commit, short enough to stay fair.
    public const int MaxBatch = 64;

    private static readonly ConcurrentDictionary<string, SqliteGroupWriter> Writers = new(StringComparer.Ordinal);

    private readonly Channel<Work> queue = Channel.CreateUnbounded<Work>(new UnboundedChannelOptions { SingleReader = true });
    private readonly string connectionString;

    private SqliteGroupWriter(string connectionString)
    {
        this.connectionString = connectionString;
        _ = Task.Run(RunAsync);
    }

    private sealed record Work(IReadOnlyList<SqliteCommand> Commands, TaskCompletionSource Done, CancellationToken Ct);

    /// Runs the commands (one write: all or none of them) in the next group transaction; throws what
    /// SQLite threw for them (their savepoint rolled back), or completes once they are committed.
    public static Task WriteAsync(string connectionString, IReadOnlyList<SqliteCommand> commands, CancellationToken ct)
    {
        var work = new Work(commands, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), ct);
        if (!Writers.GetOrAdd(connectionString, c => new SqliteGroupWriter(c)).queue.Writer.TryWrite(work))
        {
            work.Done.SetException(new InvalidOperationException("The SQLite group writer is closed."));
        }
        return work.Done.Task;
    }

    /// How long the writer keeps its connection (and its prepared statements) once nothing waits.
    private static readonly TimeSpan IdleHold = TimeSpan.FromSeconds(1);

    /// The writer's connection and its statements, prepared once per SQL text and bound for each write.
    private SqliteConnection? connection;
    private readonly Dictionary<string, SqliteCommand> prepared = new(StringComparer.Ordinal);

    private async Task RunAsync()
    {
        var batch = new List<Work>(MaxBatch);
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
                    await CloseAsync();
                }
            }
            if (!await queue.Reader.WaitToReadAsync())
            {
                return;
            }
            batch.Clear();
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var work))
            {
                batch.Add(work);
            }
            await WriteAsync(batch);
        }
    }

    private async Task CloseAsync()
    {
        foreach (var command in prepared.Values)
        {
            await command.DisposeAsync();
        }
        prepared.Clear();
        if (connection is not null)
        {
            await connection.DisposeAsync();
            connection = null;
        }
    }

    /// Runs a write's command as the prepared statement of the same text, with its parameters.
    private async Task ExecuteAsync(SqliteCommand command, SqliteTransaction transaction)
    {
        if (!prepared.TryGetValue(command.CommandText, out var statement))
        {
            statement = new SqliteCommand(command.CommandText, connection);
            prepared[command.CommandText] = statement;
        }
        statement.Parameters.Clear();
        foreach (SqliteParameter parameter in command.Parameters)
        {
            statement.Parameters.Add(new SqliteParameter(parameter.ParameterName, parameter.SqliteType) { Value = parameter.Value });
        }
        statement.Transaction = transaction;
        await statement.ExecuteNonQueryAsync();
    }

    private async Task WriteAsync(List<Work> batch)
    {
        var failures = new Exception?[batch.Count];
        try
        {
            using var gate = await SqliteWriteGate.EnterAsync(connectionString, CancellationToken.None);
            if (connection is null)
            {
                connection = new SqliteConnection(connectionString);
                await connection.OpenAsync();
                await using var pragma = new SqliteCommand("PRAGMA foreign_keys = ON;", connection); // as EF Core opens its connections
                await pragma.ExecuteNonQueryAsync();
            }
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(); // BEGIN IMMEDIATE
            for (var i = 0; i < batch.Count; i++)
            {
                if (batch[i].Ct.IsCancellationRequested)
                {
                    failures[i] = new OperationCanceledException(batch[i].Ct);
                    continue;
                }
                transaction.Save("write");
                try
                {
                    foreach (var command in batch[i].Commands)
                    {
                        await ExecuteAsync(command, transaction);
                    }
                }
                catch (SqliteException e)
                {
                    transaction.Rollback("write");
                    failures[i] = e;
                }
                transaction.Release("write");
            }
            await transaction.CommitAsync();
        }
        catch (Exception e)
        {
            // nothing was committed: every write of the batch fails with it, and the connection goes
            for (var i = 0; i < batch.Count; i++)
            {
                failures[i] ??= e;
            }
            await CloseAsync();
        }
        for (var i = 0; i < batch.Count; i++)
        {
            foreach (var command in batch[i].Commands)
            {
                await command.DisposeAsync();
            }
            if (failures[i] is { } failure)
            {
                batch[i].Done.SetException(failure);
            }
            else
            {
                batch[i].Done.SetResult();
            }
        }
    }
}
