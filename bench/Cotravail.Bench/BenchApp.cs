using System.Data.Common;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Members;
using Cotravail.Modules.Resources;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Cotravail.Bench;

/// The whole app on a fresh database of one engine (a temporary SQLite file, or a new database on the
/// PostgreSQL server given), with one location open day and night, its resources and one member.
internal sealed class BenchApp : WebApplicationFactory<Program>
{
    private readonly string connectionString;
    private readonly string? serverConnectionString;

    private BenchApp(DatabaseEngine engine, string connectionString, string? serverConnectionString)
    {
        Engine = engine;
        this.connectionString = connectionString;
        this.serverConnectionString = serverConnectionString;
    }

    public DatabaseEngine Engine { get; }

    public Guid LocationId { get; private set; }

    public IReadOnlyList<Guid> Resources { get; private set; } = [];

    public AccessScope Member { get; private set; } = AccessScope.Anonymous;

    /// The bench member's sign-in (for a token over HTTP), when started with a password.
    public const string MemberEmail = "bench@cotravail.test";

    /// The app's connection string to the bench database.
    public string ConnectionString => connectionString;

    /// Leave the database in place when this app stops (another process uses it next; DropAsync removes it).
    public bool KeepDatabase { get; set; }

    /// With sqliteFile, the SQLite database is that file (e.g. cotravail.db in a data directory); with
    /// password, the bench member's account can sign in with it.
    public static async Task<BenchApp> StartAsync(DatabaseEngine engine, string? postgres, int resources, string? password = null, string? sqliteFile = null)
    {
        // The app's content root (views, wwwroot): src/Cotravail of this checkout.
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !Directory.Exists(Path.Combine(root.FullName, "src", "Cotravail")))
        {
            root = root.Parent;
        }
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_COTRAVAIL", Path.Combine(root!.FullName, "src", "Cotravail"));
        BenchApp app;
        if (engine == DatabaseEngine.Postgres)
        {
            var builder = new NpgsqlConnectionStringBuilder(postgres) { Database = $"cotravail_bench_{Guid.NewGuid():N}"[..30], MaxPoolSize = 100 };
            await ExecuteAsync(postgres!, $"CREATE DATABASE \"{builder.Database}\"");
            app = new BenchApp(engine, builder.ConnectionString, postgres);
        }
        else
        {
            var file = sqliteFile ?? Path.Combine(Path.GetTempPath(), $"cotravail-bench-{Guid.NewGuid():N}.db");
            app = new BenchApp(engine, new SqliteConnectionStringBuilder { DataSource = file, ForeignKeys = true, DefaultTimeout = 60, Pooling = true }.ToString(), null);
        }
        _ = app.Services; // migrations run at start
        await app.SeedAsync(resources, password);
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Cotravail:SeedDemo", "false");
        builder.UseSetting("Cotravail:Outbox:Send", "false");
        builder.UseSetting("Cotravail:Bookings:Sweep", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Error");
        builder.UseSetting("ConnectionStrings:Postgres", Engine == DatabaseEngine.Postgres ? connectionString : "");
        builder.UseSetting("ConnectionStrings:Sqlite", Engine == DatabaseEngine.Sqlite ? connectionString : "");
    }

    /// A raw connection to the app's database, for the engine's own insert-and-commit rate.
    /// The process's SQLite write gate, as the app's writers take it (null on PostgreSQL).
    public async Task<IDisposable?> SqliteGateAsync() => Engine == DatabaseEngine.Sqlite ? await SqliteWriteGate.EnterAsync(connectionString, CancellationToken.None) : null;

    public DbConnection NewConnection() => Engine == DatabaseEngine.Postgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);

    private async Task SeedAsync(int resources, string? password)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var now = DateTime.SpecifyKind(DateTime.UnixEpoch.AddSeconds(TimeProvider.System.GetUtcNow().ToUnixTimeSeconds()), DateTimeKind.Utc);
        var location = new Location("Bench", "bench", "Europe/Paris", "EUR") { Street = "1 rue du Banc", PostalCode = "75001", City = "Paris", CreatedAt = now, OpenSpaceCapacity = 100 };
        location.SetOpeningHours(Enum.GetValues<DayOfWeek>().Select(d => new OpeningPeriod(d, new TimeOnly(0, 0), new TimeOnly(23, 30))));
        location.SetVatRates([new VatRate("Normal", 2000)]);
        db.Locations.Add(location);
        var ids = new List<Guid>();
        for (var i = 0; i < resources; i++)
        {
            var resource = new Resource(location.Id, $"Room {i:D4}", ResourceKind.MeetingRoom, 8)
            {
                CreatedAt = now,
                Rates = new Rates(2500, 9000, 16000, 3500, 12000, 20000),
                Policy = BookingPolicy.Default with { WindowDays = 3650, CheckInMinutes = 0 },
            };
            db.Resources.Add(resource);
            ids.Add(resource.Id);
        }
        await db.SaveChangesAsync();

        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var user = new User { Id = Guid.CreateVersion7(), UserName = MemberEmail, Email = MemberEmail, EmailConfirmed = true, DisplayName = "Bench", CreatedAt = now };
        (await (password is null ? users.CreateAsync(user) : users.CreateAsync(user, password))).Succeeded.ShouldBeTrue();
        var member = new Member("Bench", "Member", MemberEmail, MemberCategory.Freelancer, location.Id) { CreatedAt = now };
        member.LinkAccount(user.Id);
        db.Members.Add(member);
        await db.SaveChangesAsync();
        LocationId = location.Id;
        Resources = ids;
        Member = await Access.LoadAsync(db, scope.ServiceProvider.GetRequiredService<IMemberLinks>(), user.Id, CancellationToken.None);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (serverConnectionString is not null)
        {
            NpgsqlConnection.ClearAllPools();
        }
        else
        {
            SqliteConnection.ClearAllPools();
        }
        if (!KeepDatabase)
        {
            await DropAsync(connectionString, serverConnectionString);
        }
        GC.SuppressFinalize(this);
    }

    /// Removes a bench database: the PostgreSQL database (server given) or the SQLite file and its WAL.
    public static async Task DropAsync(string connectionString, string? serverConnectionString)
    {
        if (serverConnectionString is not null)
        {
            await ExecuteAsync(serverConnectionString, $"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(connectionString).Database}\" WITH (FORCE)");
        }
        else
        {
            var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }
        }
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

internal static class Check
{
    public static void ShouldBeTrue(this bool condition)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Benchmark set-up failed.");
        }
    }
}
