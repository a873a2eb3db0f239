using System.Text.RegularExpressions;
using Cotravail.Common.Database;

namespace Cotravail.Tests.Common.Database;

public sealed partial class MigrationScriptsTests
{
    [Fact]
    public void Every_migration_exists_for_both_engines()
    {
        var sqlite = MigrationRunner.Scripts(DatabaseEngine.Sqlite).Select(s => s.Version).ToList();
        var postgres = MigrationRunner.Scripts(DatabaseEngine.Postgres).Select(s => s.Version).ToList();

        sqlite.ShouldNotBeEmpty();
        postgres.ShouldBe(sqlite);
    }

    [Fact]
    public void Migrations_are_numbered_from_0001_without_gaps()
    {
        var versions = MigrationRunner.Scripts(DatabaseEngine.Sqlite).Select(s => s.Version).ToList();

        versions.ShouldAllBe(v => VersionName().IsMatch(v));
        versions.Select(v => int.Parse(v[..4], System.Globalization.CultureInfo.InvariantCulture))
            .ShouldBe(Enumerable.Range(1, versions.Count));
    }

    [GeneratedRegex("^[0-9]{4}_[a-z0-9_]+$")]
    private static partial Regex VersionName();
}
