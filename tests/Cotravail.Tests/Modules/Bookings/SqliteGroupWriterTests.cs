using Cotravail.Modules.Bookings;
using Cotravail.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Modules.Bookings;

/// Group commit on SQLite: writes waiting together share one transaction, yet each one stands alone —
/// a refused write rolls back all of its own statements and none of the others'.
[Collection(SqliteCollection.Name)]
public sealed class SqliteGroupWriterTests(SqliteTestApp app)
{
    [Fact]
    public async Task Concurrent_writes_commit_together_and_a_refused_one_takes_only_its_own_rows_with_it()
    {
        var table = "group_" + Guid.NewGuid().ToString("N")[..8];
        await using (var connection = new SqliteConnection(app.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new SqliteCommand($"CREATE TABLE {table} (id INTEGER PRIMARY KEY, note TEXT NOT NULL)", connection);
            await create.ExecuteNonQueryAsync();
        }
        static SqliteCommand Insert(string table, int id, string note)
        {
            var command = new SqliteCommand($"INSERT INTO {table} (id, note) VALUES (@id, @note)");
            command.Parameters.AddWithValue("@id", id);
            command.Parameters.AddWithValue("@note", note);
            return command;
        }

        // 40 writes at once, two rows each; write 7's second row collides with write 3's first (same key).
        var writes = Enumerable.Range(0, 40).Select(i => app.Services.GetRequiredService<BookingWriters>().WriteAsync(app.ConnectionString,
            [Insert(table, 1000 + i, $"first {i}"), Insert(table, i == 7 ? 1003 : 2000 + i, $"second {i}")], CancellationToken.None)).ToList();
        var outcomes = await Task.WhenAll(writes.Select(async w =>
        {
            try
            {
                await w;
                return "ok";
            }
            catch (SqliteException e)
            {
                return e.SqliteErrorCode == 19 ? "constraint" : e.Message;
            }
        }));

        outcomes.Count(o => o == "ok").ShouldBe(39);
        outcomes[7].ShouldBe("constraint");
        await using var check = new SqliteConnection(app.ConnectionString);
        await check.OpenAsync();
        await using var count = new SqliteCommand($"SELECT count(*), sum(id = 1007) FROM {table}", check);
        await using var reader = await count.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue();
        reader.GetInt64(0).ShouldBe(78); // 39 writes × 2 rows
        reader.GetInt64(1).ShouldBe(0); // write 7's first row went back with its second
    }
}
