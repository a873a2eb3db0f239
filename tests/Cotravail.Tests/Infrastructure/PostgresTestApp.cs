using Cotravail.Common.Database;

namespace Cotravail.Tests.Infrastructure;

/// The app on a new database of the PostgreSQL server that ./test.sh starts; dropped with the fixture.
public sealed class PostgresTestApp : TestApp
{
    private readonly string connectionString = PostgresServer.NewDatabaseConnectionString();

    internal override DatabaseEngine Engine => DatabaseEngine.Postgres;

    internal override string ConnectionString => connectionString;

    internal override async Task<ScratchDatabase> CreateScratchDatabaseAsync()
    {
        var scratch = PostgresServer.NewDatabaseConnectionString();
        await PostgresServer.CreateDatabaseAsync(scratch);
        return new ScratchDatabase(DatabaseEngine.Postgres, scratch, () => PostgresServer.DropDatabaseAsync(scratch));
    }

    protected override Task CreateDatabaseAsync() => PostgresServer.CreateDatabaseAsync(connectionString);

    /// Clears this database's pool only (DropDatabaseAsync does): clearing all of them closed the connections of
    /// the apps still running in parallel (the shared collection's), which then had to open new ones.
    protected override Task DeleteDatabaseAsync() => PostgresServer.DropDatabaseAsync(connectionString);
}
