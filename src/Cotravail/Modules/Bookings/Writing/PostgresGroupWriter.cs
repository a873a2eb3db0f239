using Npgsql;

namespace Cotravail.Modules.Bookings;

/// Group commit for PostgreSQL's booking hot path (decision 0012): the writes waiting at a given moment
/// go to the server in one round trip, BEGIN, every write's statements, COMMIT, each statement prepared
/// once per connection. What it saves is per-transaction work on both sides of the socket (round trips,
/// wake-ups, BEGIN and COMMIT, parsing), which on a small machine costs more than the rows themselves.
/// When the server refuses a statement (a slot taken), the group is rolled back and its writes are sent
/// again one by one, so each caller still gets its own outcome; a write alone is sent bare (its
/// statements, sent together, are one implicit transaction). Two writers run side by side, each keeping
/// a pooled connection while there is work.
internal sealed class PostgresGroupWriter(string connectionString)
    : GroupWriter<NpgsqlBatchCommand, NpgsqlConnection>(connectionString, Writers, MaxBatch)
{
    /// At most this many writes per transaction: enough to share a round trip, short enough to stay fair.
    public const int MaxBatch = 32;

    /// Transactions in flight at once: the second fills while the first is on the server.
    public const int Writers = 2;

    /// Runs the commands (one write: all or none of them) with the other writes of the moment; throws
    /// the PostgresException the server refused them with, or completes once they are committed.
    public Task WriteAsync(IReadOnlyList<NpgsqlBatchCommand> commands, CancellationToken ct) => EnqueueAsync(commands, ct);

    protected override async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    protected override async Task<Exception?[]> WriteAsync(NpgsqlConnection connection, List<Work> batch)
    {
        var failures = new Exception?[batch.Count];
        if (batch.Count == 1 || await GroupAsync(connection, batch) is not null)
        {
            // alone, or after a refusal rolled the whole group back: each write on its own
            for (var i = 0; i < batch.Count; i++)
            {
                failures[i] = await RoundAsync(connection, batch[i].Commands);
            }
        }
        return failures;
    }

    /// One round trip: BEGIN, every write's statements, COMMIT. Null when committed; else the error of
    /// the statement refused, the server having skipped the rest, and the transaction is rolled back.
    private static async Task<PostgresException?> GroupAsync(NpgsqlConnection connection, List<Work> batch)
    {
        var refused = await RoundAsync(connection, [new NpgsqlBatchCommand("BEGIN"), .. batch.SelectMany(w => w.Commands), new NpgsqlBatchCommand("COMMIT")]);
        if (refused is not null)
        {
            await using var rollback = new NpgsqlCommand("ROLLBACK", connection);
            await rollback.ExecuteNonQueryAsync();
        }
        return refused;
    }

    /// The commands in one round trip, prepared (parsed and planned once per connection, then only
    /// bound): the server's refusal, or null once they ran.
    private static async Task<PostgresException?> RoundAsync(NpgsqlConnection connection, IEnumerable<NpgsqlBatchCommand> commands)
    {
        await using var round = new NpgsqlBatch(connection);
        try
        {
            foreach (var command in commands)
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
            round.BatchCommands.Clear(); // the commands belong to their writes
        }
    }
}
