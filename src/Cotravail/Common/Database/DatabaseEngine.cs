namespace Cotravail.Common.Database;

internal enum DatabaseEngine
{
    Sqlite,
    Postgres,
}
