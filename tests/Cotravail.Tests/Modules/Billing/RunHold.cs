using System.Data.Common;
using System.Globalization;
using Cotravail.Common.Database;
using Cotravail.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Cotravail.Tests.Modules.Billing;

/// Holds the app's billing worker at a known place inside a batch, so that a SIGKILL lands there whatever
/// the machine's speed: a trigger on BillingRuns stalls the update that would move a run's counter past a
/// mark, inside the batch's work (its inserts written, nothing committed past the mark). Polling the run and
/// killing it when it "looks half done" raced the worker: on a fast database the last batches committed
/// between the poll and the kill (CI, 2026-12-07).
/// PostgreSQL: the trigger waits on an advisory lock this holder keeps; the blocked statement is visible in
/// pg_locks and its orphaned backend is terminated after the kill, so it can commit nothing. SQLite (no
/// lock a trigger can wait on): the trigger burns minutes of CPU in a cross join while holding the write
/// lock; the kill ends it.
internal sealed class RunHold : IAsyncDisposable
{
    private const long LockKey = 740_015;
    private readonly ScratchDatabase scratch;
    private readonly NpgsqlConnection? holder;

    private RunHold(ScratchDatabase scratch, NpgsqlConnection? holder)
    {
        this.scratch = scratch;
        this.holder = holder;
    }

    /// Stalls every update of a run whose `column` has reached `mark` (the update that would move it further).
    public static async Task<RunHold> InstallAsync(ScratchDatabase scratch, string column, int mark)
    {
        var condition = $"OLD.\"{column}\" >= {mark.ToString(CultureInfo.InvariantCulture)}";
        if (scratch.Engine == DatabaseEngine.Postgres)
        {
            var holder = new NpgsqlConnection(scratch.ConnectionString);
            await holder.OpenAsync();
            await ExecuteAsync(holder, $"SELECT pg_advisory_lock({LockKey})");
            await ExecuteAsync(holder, $"""
                CREATE FUNCTION cotravail_test_hold() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN PERFORM pg_advisory_xact_lock({LockKey}); RETURN NEW; END $$;
                CREATE TRIGGER cotravail_test_hold BEFORE UPDATE ON "BillingRuns" FOR EACH ROW WHEN ({condition})
                EXECUTE FUNCTION cotravail_test_hold();
                """);
            return new RunHold(scratch, holder);
        }
        var zeros = "[" + string.Join(',', Enumerable.Repeat('0', 1500)) + "]";
        await using var sqlite = new SqliteConnection(scratch.ConnectionString);
        await sqlite.OpenAsync();
        await ExecuteAsync(sqlite, $"""
            CREATE TRIGGER cotravail_test_hold BEFORE UPDATE ON "BillingRuns" FOR EACH ROW WHEN {condition}
            BEGIN SELECT count(*) FROM json_each('{zeros}') a, json_each('{zeros}') b, json_each('{zeros}') c; END;
            """);
        return new RunHold(scratch, null);
    }

    /// Waits until the worker's statement is stalled by the trigger (PostgreSQL shows it waiting on the lock);
    /// on SQLite a run whose counter reached the mark cannot commit further, which the caller has waited for.
    public async Task HeldAsync()
    {
        if (holder is null)
        {
            return;
        }
        for (var i = 0; i < 3_000 && await WaitingAsync() == 0; i++)
        {
            await Task.Delay(20);
        }
        (await WaitingAsync()).ShouldBe(1, "the worker waits on the hold");
    }

    /// After the kill: the stalled statement's backend is ended (it would otherwise go on once the lock is
    /// released), then the trigger goes.
    public async ValueTask DisposeAsync()
    {
        if (holder is not null)
        {
            await ExecuteAsync(holder, $"SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND objid = {LockKey} AND NOT granted");
            await ExecuteAsync(holder, $"SELECT pg_advisory_unlock({LockKey})");
            await ExecuteAsync(holder, "DROP TRIGGER cotravail_test_hold ON \"BillingRuns\"; DROP FUNCTION cotravail_test_hold()");
            await holder.DisposeAsync();
            return;
        }
        await using var sqlite = new SqliteConnection(scratch.ConnectionString);
        await sqlite.OpenAsync();
        await ExecuteAsync(sqlite, "DROP TRIGGER cotravail_test_hold");
    }

    private async Task<long> WaitingAsync()
    {
        await using var command = holder!.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = {LockKey} AND NOT granted";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
