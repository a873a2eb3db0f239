using Cotravail.Common.Database;
using Microsoft.Data.Sqlite;

namespace Cotravail.Tests.Infrastructure;

/// The app on a fresh SQLite file in its own temporary folder, deleted with the fixture.
public sealed class SqliteTestApp : TestApp
{
    private readonly string folder = Directory.CreateTempSubdirectory("cotravail-test-").FullName;

    internal override DatabaseEngine Engine => DatabaseEngine.Sqlite;

    internal override string ConnectionString => ConnectionStringFor(Path.Combine(folder, "app.db"));

    internal override Task<ScratchDatabase> CreateScratchDatabaseAsync()
    {
        var file = Path.Combine(folder, $"scratch-{Guid.NewGuid():N}.db");
        var connectionString = ConnectionStringFor(file);
        return Task.FromResult(new ScratchDatabase(DatabaseEngine.Sqlite, connectionString, () =>
        {
            using (var connection = new SqliteConnection(connectionString))
            {
                SqliteConnection.ClearPool(connection);
            }
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }
            return Task.CompletedTask;
        }));
    }

    protected override Task CreateDatabaseAsync() => Task.CompletedTask; // the app creates the file on start

    protected override Task DeleteDatabaseAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }

    private static string ConnectionStringFor(string file) => $"Data Source={file};Foreign Keys=True;Default Timeout=30";
}
