using Cotravail.Common.Backups;
using Cotravail.Common.Database;

namespace Cotravail.Common.Cli;

/// The `backup` and `restore` verbs. Neither migrates: a backup is taken of the database as it is (before an upgrade, say).
internal static class BackupCommands
{
    public static async Task<int> BackupAsync(IServiceProvider services, string? folder)
    {
        if (services.GetRequiredService<DatabaseSettings>().Engine == DatabaseEngine.Postgres)
        {
            await Console.Error.WriteLineAsync("The database is PostgreSQL: back it up with pg_dump -Fc and restore it with pg_restore (see docs/operations.md).");
            return 3;
        }
        try
        {
            Console.WriteLine($"Backed up to {await services.GetRequiredService<SqliteBackups>().TakeAsync(folder, CancellationToken.None)}");
            return 0;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or Microsoft.Data.Sqlite.SqliteException)
        {
            await Console.Error.WriteLineAsync($"The backup failed: {e.Message}");
            return 1;
        }
    }

    public static async Task<int> RestoreAsync(IServiceProvider services, string? from)
    {
        if (services.GetRequiredService<DatabaseSettings>().Engine == DatabaseEngine.Postgres)
        {
            await Console.Error.WriteLineAsync("The database is PostgreSQL: restore it with pg_restore (see docs/operations.md).");
            return 3;
        }
        if (string.IsNullOrWhiteSpace(from))
        {
            await Console.Error.WriteLineAsync("Usage: restore --from data/backups/cotravail-YYYYMMDD-HHmmss.db (with every server of this database stopped)");
            return 2;
        }
        try
        {
            Console.WriteLine(await services.GetRequiredService<SqliteRestore>().RestoreAsync(from, CancellationToken.None));
            return 0;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or InvalidOperationException or Microsoft.Data.Sqlite.SqliteException)
        {
            await Console.Error.WriteLineAsync($"The restore failed: {e.Message}");
            return 1;
        }
    }
}
