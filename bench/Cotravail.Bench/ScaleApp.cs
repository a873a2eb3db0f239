using System.Net;
using System.Net.Sockets;
using Cotravail.Common.Database;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Cotravail.Bench;

/// The whole app on an existing database of one engine (the network-scale dataset), migrated at start
/// like the real app. With `kestrel`, it listens on 127.0.0.1 on a free port for real HTTP calls.
internal sealed class ScaleApp : WebApplicationFactory<Program>
{
    private ScaleApp(DatabaseEngine engine, string connectionString)
    {
        Engine = engine;
        ConnectionString = connectionString;
    }

    public DatabaseEngine Engine { get; }

    public string ConnectionString { get; }

    /// Where Kestrel listens, when started with it.
    public Uri? Address { get; private set; }

    public static ScaleApp Start(DatabaseEngine engine, string connectionString, bool kestrel)
    {
        // The app's content root (views, wwwroot): src/Cotravail of this checkout (above the binaries or
        // the current directory).
        DirectoryInfo? root = null;
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            root = new DirectoryInfo(start);
            while (root is not null && !Directory.Exists(Path.Combine(root.FullName, "src", "Cotravail")))
            {
                root = root.Parent;
            }
            if (root is not null)
            {
                break;
            }
        }
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_COTRAVAIL", Path.Combine(root!.FullName, "src", "Cotravail"));
        var app = new ScaleApp(engine, connectionString);
        if (kestrel)
        {
            var port = FreePort();
            app.UseKestrel(port);
            app.StartServer();
            app.Address = new Uri($"http://127.0.0.1:{port}/");
        }
        _ = app.Services; // migrations run at start
        return app;
    }

    public static string SqliteConnection(string file) =>
        new SqliteConnectionStringBuilder { DataSource = file, ForeignKeys = true, DefaultTimeout = 60, Pooling = true }.ToString();

    public static string PostgresConnection(string server, string database) =>
        new NpgsqlConnectionStringBuilder(server) { Database = database, MaxPoolSize = 100 }.ConnectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Cotravail:SeedDemo", "false");
        builder.UseSetting("Cotravail:Outbox:Send", "false");
        builder.UseSetting("Cotravail:Bookings:Sweep", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Error");
        builder.UseSetting("ConnectionStrings:Postgres", Engine == DatabaseEngine.Postgres ? ConnectionString : "");
        builder.UseSetting("ConnectionStrings:Sqlite", Engine == DatabaseEngine.Sqlite ? ConnectionString : "");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
