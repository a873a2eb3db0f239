using Cotravail.Common.Database;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Common.Database;

public abstract class MigrationsTests(TestApp app)
{
    // What EF Core cannot express in the model but a migration adds on purpose (a PostgreSQL exclusion
    // constraint, a SQLite trigger): the exact SchemaDump line, with the reason in a comment.
    private static readonly HashSet<string> OnlyInMigrations = [];

    [Fact]
    public async Task Migrated_schema_matches_the_model()
    {
        await using var migrated = await app.CreateScratchDatabaseAsync();
        await using var modelled = await app.CreateScratchDatabaseAsync();
        await using (var db = migrated.NewDb())
        {
            await migrated.NewRunner(db).MigrateAsync();
        }
        await using (var db = modelled.NewDb())
        {
            (await db.Database.EnsureCreatedAsync()).ShouldBeTrue();
        }

        var fromMigrations = (await migrated.DumpAsync()).Where(l => !OnlyInMigrations.Contains(l)).ToList();
        var fromModel = await modelled.DumpAsync();

        fromModel.ShouldContain(l => l.StartsWith("table ", StringComparison.Ordinal));
        var differences = SchemaDump.Diff(fromModel, fromMigrations);
        Assert.True(differences.Count == 0,
            $"The {app.Engine} migrations do not build the EF model's schema (- only in the model, + only in the migrations):\n"
            + string.Join("\n", differences));
    }

    [Fact]
    public async Task Migrations_applied_twice_change_nothing()
    {
        await using var scratch = await app.CreateScratchDatabaseAsync();
        await using (var db = scratch.NewDb())
        {
            (await scratch.NewRunner(db).MigrateAsync()).ShouldBe(MigrationRunner.Scripts(app.Engine).Select(s => s.Version));
        }
        var first = await scratch.DumpAsync();

        await using (var db = scratch.NewDb())
        {
            (await scratch.NewRunner(db).MigrateAsync()).ShouldBeEmpty();
        }

        SchemaDump.Diff(first, await scratch.DumpAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_app_database_records_every_migration_once()
    {
        var recorded = await app.WithDbAsync(db =>
            db.Database.SqlQueryRaw<string>("SELECT version AS \"Value\" FROM schema_migrations").ToListAsync());

        recorded.Order(StringComparer.Ordinal).ShouldBe(MigrationRunner.Scripts(app.Engine).Select(s => s.Version));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class MigrationsTests_Sqlite(SqliteTestApp app) : MigrationsTests(app);

[Collection(PostgresCollection.Name)]
public sealed class MigrationsTests_Postgres(PostgresTestApp app) : MigrationsTests(app);
