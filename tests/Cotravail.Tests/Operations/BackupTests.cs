using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Common.Backups;
using Cotravail.Common.Database;
using Cotravail.Modules.Bookings;
using Cotravail.Modules.Demo;
using Cotravail.Tests.Infrastructure;
using Cotravail.Tests.Modules.Billing;
using Cotravail.Tests.Modules.Bookings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Cotravail.Tests.Operations;

/// Backups of the SQLite database (docs/operations.md): taken online by the `backup` verb, restored by `restore`.
[Collection(SqliteCollection.Name)]
public sealed class BackupTests(SqliteTestApp app)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Fact]
    public async Task A_backup_taken_under_load_holds_every_booking_acknowledged_before_it_and_restores_into_a_working_app()
    {
        var world = await BookingWorld.CreateAsync(app);
        var loaders = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => world.NewMemberAsync()));
        var acknowledged = new ConcurrentDictionary<Guid, string>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var today = TimeZoneInfo.ConvertTimeFromUtc(app.Clock.GetUtcNow().UtcDateTime, Paris).Date;
        // Each loader books its own day hour by hour (07:00 to 22:00): at most 60 bookings, at most a minute.
        var load = loaders.Select((loader, i) => Task.Run(async () =>
        {
            for (var hour = 7; hour < 22 && !stop.IsCancellationRequested; hour++)
            {
                var start = today.AddDays(10 + i).AddHours(hour);
                using var answer = await world.BookAsync(loader.Client, world.Room, start, start.AddHours(1));
                answer.StatusCode.ShouldBe(HttpStatusCode.Created, await answer.Content.ReadAsStringAsync());
                acknowledged[(await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid()] = loader.Email;
            }
        })).ToArray();
        for (var wait = 0; wait < 600 && acknowledged.Count < 8 && !load.All(t => t.IsCompleted); wait++)
        {
            await Task.Delay(50);
        }
        var before = acknowledged.ToDictionary();
        var folder = Directory.CreateTempSubdirectory("cotravail-backups-");
        await using var scratch = await app.CreateScratchDatabaseAsync();
        try
        {
            var backup = await CliProcess.RunAsync(Settings(app.ConnectionString, folder.FullName), "backup", "--out", folder.FullName);
            await Task.WhenAll(load);

            backup.ExitCode.ShouldBe(0, backup.Errors);
            var file = SqliteBackups.Backups(folder.FullName).ShouldHaveSingleItem();
            Path.GetFileName(file).ShouldMatch(@"^cotravail-\d{8}-\d{6}\.db$");
            backup.Output.ShouldContain(file);
            Directory.GetFiles(folder.FullName, "*.tmp").ShouldBeEmpty();
            (await SqliteBackups.IntegrityAsync(file, CancellationToken.None)).ShouldBeNull();
            before.Count.ShouldBeGreaterThanOrEqualTo(8);

            var restore = await CliProcess.RunAsync(Settings(scratch.ConnectionString, folder.FullName), "restore", "--from", file);
            restore.ExitCode.ShouldBe(0, restore.Errors);
            await using (var restored = await AppProcess.StartAsync(scratch, folder.FullName, seedDemo: false))
            {
                var email = before.Values.First();
                await restored.SignInAsync(email, DemoAccounts.Password);
                var mine = await restored.Client.GetFromJsonAsync<JsonElement>("/api/v1/bookings?pageSize=50");
                var served = mine.GetProperty("items").EnumerateArray().Select(b => b.GetProperty("id").GetGuid()).ToList();
                before.Where(b => b.Value == email).Select(b => b.Key).ShouldAllBe(id => served.Contains(id));
            }
            await using var db = scratch.NewDb();
            var ids = before.Keys.ToList();
            (await db.Bookings.CountAsync(b => ids.Contains(b.Id))).ShouldBe(before.Count);
            var path = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(scratch.ConnectionString).DataSource;
            (await SqliteBackups.IntegrityAsync(path, CancellationToken.None)).ShouldBeNull();
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(load.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Retention_keeps_the_newest_backups_and_leaves_other_files_alone()
    {
        var folder = Directory.CreateTempSubdirectory("cotravail-backups-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "notes.txt"), "mine");
            File.WriteAllText(Path.Combine(folder.FullName, "cotravail-before-upgrade.db"), "mine");
            var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 2, 0, 0, TimeSpan.Zero));
            var backups = Backups(app.ConnectionString, folder.FullName, clock, keep: 3);
            var taken = new List<string>();
            for (var day = 0; day < 5; day++)
            {
                taken.Add(await backups.TakeAsync(null, CancellationToken.None));
                clock.Advance(TimeSpan.FromDays(1));
            }

            SqliteBackups.Backups(folder.FullName).ShouldBe(taken.AsEnumerable().Reverse().Take(3));
            Path.GetFileName(taken[^1]).ShouldBe("cotravail-20260305-020000.db");
            File.Exists(Path.Combine(folder.FullName, "notes.txt")).ShouldBeTrue();
            File.Exists(Path.Combine(folder.FullName, "cotravail-before-upgrade.db")).ShouldBeTrue();
            SqliteBackups.NewestTakenAt(folder.FullName).ShouldBe(new DateTime(2026, 3, 5, 2, 0, 0, DateTimeKind.Utc));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Restore_refuses_a_damaged_file_and_a_database_that_a_server_has_open()
    {
        var folder = Directory.CreateTempSubdirectory("cotravail-backups-");
        await using var scratch = await app.CreateScratchDatabaseAsync();
        try
        {
            var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 2, 0, 0, TimeSpan.Zero));
            var good = await Backups(app.ConnectionString, folder.FullName, clock, keep: 3).TakeAsync(null, CancellationToken.None);
            var damaged = Path.Combine(folder.FullName, "damaged.db");
            var bytes = await File.ReadAllBytesAsync(good);
            Array.Fill(bytes, (byte)0x5a, 4096, Math.Min(8 * 4096, bytes.Length - 4096)); // pages 2-9 overwritten
            await File.WriteAllBytesAsync(damaged, bytes);
            var later = new FakeTimeProvider(clock.GetUtcNow().AddDays(1));
            var restore = new SqliteRestore(new DatabaseSettings(DatabaseEngine.Sqlite, scratch.ConnectionString),
                Backups(scratch.ConnectionString, folder.FullName, later, keep: 1));

            (await Should.ThrowAsync<InvalidDataException>(() => restore.RestoreAsync(damaged, CancellationToken.None))).Message.ShouldContain("damaged.db");
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(scratch.ConnectionString).DataSource;
            using (InstanceLock.Take(InstanceLock.PathFor(file), FileShare.ReadWrite)) // what a running server holds
            {
                (await Should.ThrowAsync<InvalidOperationException>(() => restore.RestoreAsync(good, CancellationToken.None))).Message.ShouldContain("stop every instance");
            }
            (await restore.RestoreAsync(good, CancellationToken.None)).ShouldStartWith("Restored");

            // Again, over a database now: it is backed up first, and nothing is pruned (Keep=1), not the backup being restored.
            (await restore.RestoreAsync(good, CancellationToken.None)).ShouldContain("cotravail-20260302-020000.db");
            SqliteBackups.Backups(folder.FullName).Select(Path.GetFileName).ShouldBe(["cotravail-20260302-020000.db", "cotravail-20260301-020000.db"]);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData(null, "2026-03-10T01:00:00Z", true)] // never backed up: at once
    [InlineData("2026-03-09T02:00:05Z", "2026-03-10T01:59:00Z", false)] // 02:59 in Paris: today's 03:00 not yet
    [InlineData("2026-03-09T02:00:05Z", "2026-03-10T02:00:30Z", true)] // 03:00:30 in Paris
    [InlineData("2026-03-10T02:00:40Z", "2026-03-10T20:00:00Z", false)] // done today
    [InlineData("2026-03-28T02:00:05Z", "2026-03-29T01:05:00Z", true)] // 03:05 on the day 02:00-03:00 is skipped
    public void The_job_is_due_once_a_day_from_its_hour(string? newest, string now, bool due)
    {
        var taken = newest is null ? (DateTime?)null : DateTime.Parse(newest, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);

        BackupJob.IsDue(taken, DateTimeOffset.Parse(now, CultureInfo.InvariantCulture), Paris, 3).ShouldBe(due);
    }

    private static SqliteBackups Backups(string connectionString, string folder, TimeProvider clock, int keep) =>
        new(new DatabaseSettings(DatabaseEngine.Sqlite, connectionString), Options.Create(new BackupOptions { Keep = keep, Folder = folder }),
            new ConfigurationBuilder().Build(), clock);

    private static Dictionary<string, string> Settings(string sqlite, string data) => new()
    {
        ["ConnectionStrings__Sqlite"] = sqlite,
        ["Cotravail__DataDirectory"] = data,
    };
}

/// On PostgreSQL the verb refuses and names pg_dump, the tool that backs it up.
[Collection(PostgresCollection.Name)]
public sealed class PostgresBackupTests(PostgresTestApp app)
{
    [Fact]
    public async Task The_backup_verb_refuses_PostgreSQL_and_points_to_pg_dump()
    {
        var data = Directory.CreateTempSubdirectory("cotravail-backups-");
        try
        {
            var backup = await CliProcess.RunAsync(new Dictionary<string, string>
            {
                ["ConnectionStrings__Postgres"] = app.ConnectionString,
                ["Cotravail__DataDirectory"] = data.FullName,
            }, "backup");

            backup.ExitCode.ShouldNotBe(0);
            backup.Errors.ShouldContain("pg_dump -Fc");
            Directory.Exists(Path.Combine(data.FullName, "backups")).ShouldBeFalse();
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }
}
