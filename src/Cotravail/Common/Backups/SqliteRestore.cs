using Cotravail.Common.Database;
using Microsoft.Data.Sqlite;

namespace Cotravail.Common.Backups;

/// `restore --from FILE`: the backup must pass PRAGMA integrity_check and hold Cotravail's tables; no
/// server may have the database open (InstanceLock). The current database is backed up first, then
/// SQLite's backup API copies the file page by page into the database (through SQLite, so its -wal
/// file stays consistent), which is checked again.
internal sealed class SqliteRestore(DatabaseSettings database, SqliteBackups backups)
{
    public async Task<string> RestoreAsync(string from, CancellationToken ct)
    {
        if (database.Engine != DatabaseEngine.Sqlite)
        {
            throw new InvalidOperationException("PostgreSQL is restored with pg_restore (docs/operations.md).");
        }
        from = Path.GetFullPath(from);
        if (await SqliteBackups.IntegrityAsync(from, ct) is { } problem)
        {
            throw new InvalidDataException($"{from} is not a sound SQLite database: {problem}");
        }
        if (!await HasMigrationsAsync(from, ct))
        {
            throw new InvalidDataException($"{from} is not a Cotravail database (no schema_migrations table).");
        }
        var file = backups.DatabaseFile;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        FileStream running;
        try
        {
            running = InstanceLock.Take(InstanceLock.PathFor(file), FileShare.None);
        }
        catch (IOException)
        {
            throw new InvalidOperationException($"Cotravail is running on {file}: stop every instance, then restore.");
        }
        await using (running)
        {
            var before = File.Exists(file) ? await backups.WriteAsync(backups.DefaultFolder, ct) : null;
            await using (var source = SqliteBackups.Open($"Data Source={from}", SqliteOpenMode.ReadOnly))
            await using (var target = SqliteBackups.Open(database.ConnectionString, SqliteOpenMode.ReadWriteCreate))
            {
                await source.OpenAsync(ct);
                await target.OpenAsync(ct);
                source.BackupDatabase(target);
                await using var checkpoint = target.CreateCommand();
                checkpoint.CommandText = "PRAGMA journal_mode=WAL; PRAGMA wal_checkpoint(TRUNCATE);";
                await checkpoint.ExecuteNonQueryAsync(ct);
                if (await SqliteBackups.IntegrityAsync(target, ct) is { } after)
                {
                    throw new InvalidDataException($"The restored database failed its integrity check: {after}");
                }
            }
            return before is null ? $"Restored {from} into {file}." : $"Restored {from} into {file}; the database it replaced is in {before}.";
        }
    }

    private static async Task<bool> HasMigrationsAsync(string file, CancellationToken ct)
    {
        await using var connection = SqliteBackups.Open($"Data Source={file}", SqliteOpenMode.ReadOnly);
        await connection.OpenAsync(ct);
        await using var query = connection.CreateCommand();
        query.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations';";
        return Convert.ToInt64(await query.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) == 1;
    }
}
