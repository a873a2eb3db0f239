using Cotravail.Common.Database;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Cotravail.Tests.Infrastructure;

/// An empty database beside the app's one, for tests that build a schema themselves; deleted on dispose.
internal sealed class ScratchDatabase(DatabaseEngine engine, string connectionString, Func<Task> delete) : IAsyncDisposable
{
    public DatabaseEngine Engine => engine;

    public string ConnectionString => connectionString;

    /// A context of its own (not from the app's container), configured like DatabaseModule does.
    public AppDb NewDb()
    {
        var options = engine == DatabaseEngine.Postgres
            ? new DbContextOptionsBuilder<AppDb>().UseNpgsql(connectionString).Options
            : new DbContextOptionsBuilder<AppDb>().UseSqlite(connectionString).Options;
        return new AppDb(options);
    }

    public MigrationRunner NewRunner(AppDb db) =>
        new(db, new DatabaseSettings(engine, connectionString), TimeProvider.System, NullLogger<MigrationRunner>.Instance);

    public async Task<IReadOnlyList<string>> DumpAsync()
    {
        await using System.Data.Common.DbConnection connection = engine == DatabaseEngine.Postgres
            ? new NpgsqlConnection(connectionString)
            : new SqliteConnection(connectionString);
        return await SchemaDump.ReadAsync(connection);
    }

    public async ValueTask DisposeAsync() => await delete();
}
