namespace Cotravail.Tests.Infrastructure;

/// Tests of one collection share one app and run one after another; the two collections run in parallel.
[CollectionDefinition(Name)]
public sealed class SqliteCollection : ICollectionFixture<SqliteTestApp>
{
    public const string Name = "sqlite";
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresTestApp>
{
    public const string Name = "postgres";
}
