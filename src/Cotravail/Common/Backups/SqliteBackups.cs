using System.Globalization;
using System.Text.RegularExpressions;
using Cotravail.Common.Database;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Cotravail.Common.Backups;

/// Online backups of the SQLite database: `VACUUM INTO` reads one consistent snapshot (a read
/// transaction: writers carry on in WAL mode) into a temporary file, which must pass
/// `PRAGMA integrity_check` before it takes its final name, cotravail-YYYYMMDD-HHmmss.db (UTC).
/// Never a copy of the live file, which may be half-written or miss what still sits in the -wal file.
internal sealed partial class SqliteBackups(DatabaseSettings database, IOptions<BackupOptions> options, IConfiguration configuration, TimeProvider clock)
{
    public string DefaultFolder => Path.GetFullPath(options.Value.Folder
        ?? Path.Combine(configuration["Cotravail:DataDirectory"] ?? "data", "backups"));

    /// The live database file (SQLite only).
    public string DatabaseFile => new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;

    /// Writes a backup into folder (default: the configured one, then pruned to the newest Keep) and answers its path.
    public async Task<string> TakeAsync(string? folder, CancellationToken ct)
    {
        var target = Path.GetFullPath(folder ?? DefaultFolder);
        var written = await WriteAsync(target, ct);
        if (target == DefaultFolder)
        {
            Prune(target);
        }
        return written;
    }

    /// Writes a backup into folder, pruning nothing (restore's copy of the database it replaces: the backup
    /// being restored may be the oldest one); answers its path.
    public async Task<string> WriteAsync(string folder, CancellationToken ct)
    {
        if (database.Engine != DatabaseEngine.Sqlite)
        {
            throw new InvalidOperationException("Backups of PostgreSQL are taken with pg_dump (docs/operations.md).");
        }
        if (!File.Exists(DatabaseFile))
        {
            throw new FileNotFoundException($"There is no database at {DatabaseFile}.");
        }
        var target = Path.GetFullPath(folder);
        Directory.CreateDirectory(target);
        var name = "cotravail-" + clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + ".db";
        var final = Path.Combine(target, name);
        if (File.Exists(final))
        {
            throw new IOException($"{final} already exists.");
        }
        var temporary = Path.Combine(target, $".{name}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var source = Open(database.ConnectionString, SqliteOpenMode.ReadWrite))
            {
                await source.OpenAsync(ct);
                await using var vacuum = source.CreateCommand();
                vacuum.CommandText = "VACUUM INTO @path;";
                vacuum.Parameters.AddWithValue("@path", temporary);
                vacuum.CommandTimeout = 0;
                await vacuum.ExecuteNonQueryAsync(ct);
            }
            if (await IntegrityAsync(temporary, ct) is { } problem)
            {
                throw new InvalidDataException($"The backup failed its integrity check: {problem}");
            }
            File.Move(temporary, final, overwrite: false);
        }
        finally
        {
            File.Delete(temporary);
        }
        return final;
    }

    /// Deletes the backups of folder beyond the newest Keep (other files are left alone); answers the deleted ones.
    public IReadOnlyList<string> Prune(string folder)
    {
        var keep = Math.Max(1, options.Value.Keep);
        var old = Backups(folder).Skip(keep).ToList();
        old.ForEach(File.Delete);
        return old;
    }

    /// The backups of folder, newest first (their names sort by time).
    public static IEnumerable<string> Backups(string folder) => !Directory.Exists(folder) ? [] :
        Directory.EnumerateFiles(folder, "cotravail-*.db").Where(f => BackupName().IsMatch(Path.GetFileName(f)))
            .OrderByDescending(f => Path.GetFileName(f), StringComparer.Ordinal);

    /// When the newest backup of folder was taken (from its name), or null when there is none.
    public static DateTime? NewestTakenAt(string folder) => Backups(folder).FirstOrDefault() is { } newest
        ? DateTime.ParseExact(Path.GetFileName(newest)[10..25], "yyyyMMdd-HHmmss", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)
        : null;

    /// PRAGMA integrity_check on a database file: null when it answers "ok", else what it found.
    public static async Task<string?> IntegrityAsync(string file, CancellationToken ct)
    {
        if (!File.Exists(file))
        {
            return $"{file} does not exist.";
        }
        try
        {
            await using var connection = Open($"Data Source={file}", SqliteOpenMode.ReadOnly);
            await connection.OpenAsync(ct);
            return await IntegrityAsync(connection, ct);
        }
        catch (SqliteException e)
        {
            return e.Message;
        }
    }

    /// PRAGMA integrity_check on an open connection: null when it answers "ok", else what it found.
    public static async Task<string?> IntegrityAsync(SqliteConnection connection, CancellationToken ct)
    {
        await using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check;";
        check.CommandTimeout = 0;
        var rows = new List<string>();
        await using var reader = await check.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(reader.GetString(0));
        }
        return rows is ["ok"] ? null : string.Join("; ", rows.Take(10));
    }

    /// A connection of its own, out of the pool, so nothing keeps the file open afterwards.
    public static SqliteConnection Open(string connectionString, SqliteOpenMode mode) =>
        new(new SqliteConnectionStringBuilder(connectionString) { Mode = mode, Pooling = false, DefaultTimeout = 30 }.ToString());

    [GeneratedRegex(@"^cotravail-\d{8}-\d{6}\.db$")]
    private static partial Regex BackupName();
}
