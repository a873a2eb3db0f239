using System.Globalization;
using Cotravail.Common.Database;

namespace Cotravail.Bench;

/// The engine's ceiling: one row, its own transaction (autocommit), a pooled connection.
internal static class RawCommit
{
    public static async Task PrepareAsync(BenchApp app)
    {
        await using var connection = app.NewConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = app.Engine == DatabaseEngine.Postgres
            ? "CREATE TABLE bench_raw (id uuid PRIMARY KEY, at timestamptz NOT NULL, payload text NOT NULL)"
            : "CREATE TABLE bench_raw (id TEXT PRIMARY KEY, at TEXT NOT NULL, payload TEXT NOT NULL)";
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<string> InsertAsync(BenchApp app)
    {
        try
        {
            await using var connection = app.NewConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO bench_raw (id, at, payload) VALUES (@id, @at, @payload)";
            AddParameter(command, "@id", app.Engine == DatabaseEngine.Postgres ? Guid.CreateVersion7() : Guid.CreateVersion7().ToString());
            AddParameter(command, "@at", app.Engine == DatabaseEngine.Postgres ? TimeProvider.System.GetUtcNow() : TimeProvider.System.GetUtcNow().ToString("O"));
            AddParameter(command, "@payload", "Salle Tilleul, 14:00-16:00");
            if (app.Engine == DatabaseEngine.Postgres)
            {
                await command.PrepareAsync(); // a server-side prepared statement, kept by the pooled connection, as the app's writes are
            }
            await command.ExecuteNonQueryAsync();
            return "ok";
        }
        catch (Exception e)
        {
            return "error: " + e.GetType().Name;
        }
    }

    public static void AddParameter(System.Data.Common.DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}

/// One Markdown row per measured operation, with this process's CPU time per operation (the app and
/// SQLite itself, not PostgreSQL's server): a figure less sensitive than throughput to other load.
internal static class BenchTable
{
    public const string Header = "| engine | operation | concurrency | ops/s | p50 ms | p95 ms | p99 ms | CPU ms/op | outcomes |\n|---|---|---:|---:|---:|---:|---:|---:|---|";

    public static async Task<(RunResult Run, double CpuMs)> Timed(TimeSpan duration, int maxOperations, int concurrency, Func<int, Task<string>> operation)
    {
        var cpu = Environment.CpuUsage.TotalTime;
        var run = await Measure.RunAsync(concurrency, duration, maxOperations, operation);
        return (run, (Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds / Math.Max(1, run.Operations));
    }

    public static void Print(DatabaseEngine engine, string operation, (RunResult Run, double CpuMs) result)
    {
        var r = result.Run;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {engine} | {operation} | {r.Concurrency} | {r.PerSecond:F0} | {r.P50:F2} | {r.P95:F2} | {r.P99:F2} | {result.CpuMs:F2} | {string.Join(", ", r.Outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key} {o.Value}"))} |"));
    }
}
