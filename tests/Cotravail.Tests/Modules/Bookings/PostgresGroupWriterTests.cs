using Cotravail.Modules.Bookings;
using Cotravail.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Cotravail.Tests.Modules.Bookings;

/// Group commit on PostgreSQL: writes waiting together share one transaction, yet each one stands
/// alone — a refused write takes all of its own statements with it and none of the others'.
[Collection(PostgresCollection.Name)]
public sealed class PostgresGroupWriterTests(PostgresTestApp app)
{
    private async Task<string> TableAsync()
    {
        var table = "group_" + Guid.NewGuid().ToString("N")[..8];
        await using var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE TABLE {table} (id integer PRIMARY KEY, note text NOT NULL)", connection);
        await create.ExecuteNonQueryAsync();
        return table;
    }

    private static NpgsqlBatchCommand Insert(string table, int id, string note) =>
        new($"INSERT INTO {table} (id, note) VALUES ($1, $2)") { Parameters = { new() { Value = id }, new() { Value = note } } };

    private static async Task<string> OutcomeAsync(Task write)
    {
        try
        {
            await write;
            return "ok";
        }
        catch (PostgresException e)
        {
            return e.SqlState == PostgresErrorCodes.UniqueViolation ? "constraint" : e.Message;
        }
    }

    private async Task<(long Rows, long Of1007)> CountAsync(string table)
    {
        await using var check = new NpgsqlConnection(app.ConnectionString);
        await check.OpenAsync();
        await using var count = new NpgsqlCommand($"SELECT count(*), count(*) FILTER (WHERE id = 1007) FROM {table}", check);
        await using var reader = await count.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    [Fact]
    public async Task Concurrent_writes_commit_together_and_a_refused_one_takes_only_its_own_rows_with_it()
    {
        var table = await TableAsync();

        // 40 writes at once, two rows each; write 7's second row collides with write 3's first (same key).
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => OutcomeAsync(app.Services.GetRequiredService<BookingWriters>().WriteAsync(app.ConnectionString,
            [Insert(table, 1000 + i, $"first {i}"), Insert(table, i == 7 ? 1003 : 2000 + i, $"second {i}")], CancellationToken.None))));

        outcomes.Count(o => o == "ok").ShouldBe(39, string.Join(", ", outcomes));
        outcomes[7].ShouldBe("constraint");
        (await CountAsync(table)).ShouldBe((78L, 0L)); // 39 writes × 2 rows; write 7's first row went back with its second
    }

    [Fact]
    public async Task A_write_alone_is_atomic_and_the_writer_goes_on_after_a_refusal()
    {
        var table = await TableAsync();

        (await OutcomeAsync(app.Services.GetRequiredService<BookingWriters>().WriteAsync(app.ConnectionString, [Insert(table, 1, "one"), Insert(table, 1, "twice")], CancellationToken.None)))
            .ShouldBe("constraint");
        (await OutcomeAsync(app.Services.GetRequiredService<BookingWriters>().WriteAsync(app.ConnectionString, [Insert(table, 1, "one"), Insert(table, 2, "two")], CancellationToken.None)))
            .ShouldBe("ok");

        (await CountAsync(table)).Rows.ShouldBe(2);
    }
}
