using Cotravail.Common.Database;
using Microsoft.Data.Sqlite;

namespace Cotravail.Modules.Bookings;

/// Group commit for SQLite, which has one writer at a time and pays for every commit (each B-tree page
/// a transaction dirties is written to the WAL again): the writes waiting at a given moment go in one
/// transaction, each inside its own savepoint, so one refused by a constraint or trigger is rolled
/// back alone and the others commit together (decision 0011). One writer per database, taking the
/// process's SqliteWriteGate for each batch, on a connection whose statements are prepared once per
/// SQL text and bound again for each write (decision 0012).
internal sealed class SqliteGroupWriter(string connectionString)
    : GroupWriter<SqliteCommand, SqliteGroupWriter.Session>(connectionString, writers: 1, MaxBatch)
{
    /// At most this many writes per transaction: enough to share a commit, short enough to stay fair.
    public const int MaxBatch = 64;

    /// Runs the commands (one write: all or none of them) in the next group transaction; throws what
    /// SQLite threw for them (their savepoint rolled back), or completes once they are committed.
    public Task WriteAsync(IReadOnlyList<SqliteCommand> commands, CancellationToken ct) => EnqueueAsync(commands, ct);

    /// The writer's connection and its statements, prepared once per SQL text.
    internal sealed class Session(SqliteConnection connection) : IAsyncDisposable
    {
        private readonly Dictionary<string, SqliteCommand> prepared = new(StringComparer.Ordinal);

        public SqliteConnection Connection { get; } = connection;

        /// Runs a write's command as the prepared statement of the same text, with its parameters.
        public async Task ExecuteAsync(SqliteCommand command, SqliteTransaction transaction)
        {
            if (!prepared.TryGetValue(command.CommandText, out var statement))
            {
                statement = new SqliteCommand(command.CommandText, Connection);
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

        public async ValueTask DisposeAsync()
        {
            foreach (var statement in prepared.Values)
            {
                await statement.DisposeAsync();
            }
            await Connection.DisposeAsync();
        }
    }

    protected override async Task<Session> OpenAsync()
    {
        var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var pragma = new SqliteCommand("PRAGMA foreign_keys = ON;", connection); // as EF Core opens its connections
        await pragma.ExecuteNonQueryAsync();
        return new Session(connection);
    }

    protected override async Task<Exception?[]> WriteAsync(Session session, List<Work> batch)
    {
        var failures = new Exception?[batch.Count];
        using var gate = await SqliteWriteGate.EnterAsync(ConnectionString, CancellationToken.None);
        await using var transaction = (SqliteTransaction)await session.Connection.BeginTransactionAsync(); // BEGIN IMMEDIATE
        for (var i = 0; i < batch.Count; i++)
        {
            transaction.Save("write");
            try
            {
                foreach (var command in batch[i].Commands)
                {
                    await session.ExecuteAsync(command, transaction);
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
        return failures;
    }

    /// The callers' commands were only carriers of text and parameters.
    protected override async ValueTask SettledAsync(Work work)
    {
        foreach (var command in work.Commands)
        {
            await command.DisposeAsync();
        }
    }
}
