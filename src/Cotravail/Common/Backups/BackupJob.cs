using Cotravail.Common.Database;
using Cotravail.Common.Jobs;
using Microsoft.Extensions.Options;

namespace Cotravail.Common.Backups;

/// Takes the daily SQLite backup at Hour (the server's local time), or at the next start when the server
/// was down then: it is due when the newest backup is older than the latest Hour:00. SQLite has one
/// instance by nature; on PostgreSQL the job does nothing (pg_dump is the way, docs/operations.md).
internal sealed class BackupJob(IServiceScopeFactory scopes, IOptions<BackupOptions> options, DatabaseSettings database, TimeProvider time, ILogger<BackupJob> log)
    : PeriodicJob(scopes, time, log)
{
    protected override bool Enabled => options.Value.Enabled;

    protected override TimeSpan Interval => TimeSpan.FromMinutes(1);

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Enabled && database.Engine == DatabaseEngine.Postgres)
        {
            Logger.LogInformation("No backup job on PostgreSQL: back it up with pg_dump -Fc (docs/operations.md)");
            return Task.CompletedTask;
        }
        return base.ExecuteAsync(stoppingToken);
    }

    protected override async Task RunOnceAsync(IServiceProvider services, CancellationToken ct)
    {
        var backups = services.GetRequiredService<SqliteBackups>();
        if (!IsDue(SqliteBackups.NewestTakenAt(backups.DefaultFolder), Clock.GetUtcNow(), Clock.LocalTimeZone, options.Value.Hour))
        {
            return;
        }
        var file = await backups.TakeAsync(null, ct);
        Logger.LogInformation("Backed up the database to {File}", file);
    }

    /// Due when no backup was taken since the latest hour:00 of the local day (today's, or yesterday's before it).
    public static bool IsDue(DateTime? newestUtc, DateTimeOffset now, TimeZoneInfo zone, int hour)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var today = local.Date.AddHours(Math.Clamp(hour, 0, 23));
        var latest = today <= local.DateTime ? today : today.AddDays(-1);
        // A wall-clock hour skipped by a DST change is taken just after: the zone's offset of one hour before.
        var latestUtc = zone.IsInvalidTime(latest) ? TimeZoneInfo.ConvertTimeToUtc(latest.AddHours(-1), zone).AddHours(1)
            : TimeZoneInfo.ConvertTimeToUtc(latest, zone);
        return newestUtc is not { } taken || taken < latestUtc;
    }
}
