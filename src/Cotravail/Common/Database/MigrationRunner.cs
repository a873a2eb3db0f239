using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Common.Database;

/// Applies the versioned SQL scripts of the current engine in order, each once, in its own
/// transaction, and records them in schema_migrations. See docs/decisions/0003-migrations.md.
internal sealed class MigrationRunner(AppDb db, DatabaseSettings settings, TimeProvider clock, ILogger<MigrationRunner> logger)
{
    private const string LockKey = "7301955"; // PostgreSQL advisory lock so two instances never migrate at once

    public static IReadOnlyList<(string Version, string Sql)> Scripts(DatabaseEngine engine)
    {
        var assembly = Assembly.GetExecutingAssembly();
        var prefix = $"Cotravail.Common.Database.Migrations.{engine.ToString().ToLowerInvariant()}.";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return (n[prefix.Length..^4], reader.ReadToEnd());
            })
            .ToList();
    }

    /// The versions of the current engine's scripts, without reading them.
    public static IReadOnlyList<string> Versions(DatabaseEngine engine)
    {
        var prefix = $"Cotravail.Common.Database.Migrations.{engine.ToString().ToLowerInvariant()}.";
        return [.. Assembly.GetExecutingAssembly().GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => n[prefix.Length..^4])
            .Order(StringComparer.Ordinal)];
    }

    /// The scripts this build has that the database has not recorded (all of them before the first migration).
    public async Task<IReadOnlyList<string>> PendingAsync(CancellationToken ct = default)
    {
        var recorded = await db.Database.SqlQueryRaw<string>("SELECT version AS \"Value\" FROM schema_migrations").ToListAsync(ct);
        return [.. Versions(settings.Engine).Except(recorded, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken ct = default)
    {
        if (settings.Engine == DatabaseEngine.Sqlite)
        {
            // WAL lets readers work while one writer commits; the setting persists in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        await db.Database.OpenConnectionAsync(ct);
        // A migration may rewrite millions of rows (0019 marks every booking of a desk or an office): no
        // per-command limit while migrating (put back after: contexts are pooled).
        var timeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(TimeSpan.Zero);
        try
        {
            if (settings.Engine == DatabaseEngine.Postgres)
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({LockKey});", ct);
            }
            await db.Database.ExecuteSqlRawAsync(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version VARCHAR(100) NOT NULL PRIMARY KEY, applied_at VARCHAR(40) NOT NULL);", ct);
            var applied = await db.Database.SqlQueryRaw<string>("SELECT version AS \"Value\" FROM schema_migrations").ToListAsync(ct);
            var done = new List<string>();
            foreach (var (version, sql) in Scripts(settings.Engine).Where(s => !applied.Contains(s.Version)))
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                await db.Database.ExecuteSqlRawAsync(sql, ct);
                await db.Database.ExecuteSqlAsync(
                    $"INSERT INTO schema_migrations (version, applied_at) VALUES ({version}, {clock.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture)})", ct);
                await tx.CommitAsync(ct);
                logger.LogInformation("Applied migration {Version} on {Engine}", version, settings.Engine);
                done.Add(version);
            }
            return done;
        }
        finally
        {
            db.Database.SetCommandTimeout(timeout);
            if (settings.Engine == DatabaseEngine.Postgres)
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({LockKey});", ct);
            }
            await db.Database.CloseConnectionAsync();
        }
    }
}
