using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using Cotravail.Common.Database;

namespace Cotravail.Bench;

/// POST /api/v1/bookings over HTTP with the app in its own process: the bench prepares a fresh database
/// (one location open day and night, 200 rooms, one member with a password) through the app in this
/// process, stops it, starts the built app (`dotnet Cotravail.dll --urls http://127.0.0.1:PORT`,
/// Production) on that database, takes one bearer token from POST /api/v1/auth/token and only sends
/// HTTP from then on, each request on its own free half-hour. The app process's CPU per operation is
/// read from /proc (Process.TotalProcessorTime), the bench's (HTTP client) from this process.
internal static class HttpBookingBench
{
    private const int Resources = 200;
    private const string Password = "Banc-d-essai-7Kq2-Tilleul";

    public static async Task RunAsync(Dictionary<string, string> options)
    {
        var duration = TimeSpan.FromSeconds(double.Parse(options.GetValueOrDefault("seconds", "8"), CultureInfo.InvariantCulture));
        var maxOperations = int.Parse(options.GetValueOrDefault("requests", "200000"), CultureInfo.InvariantCulture);
        var concurrencies = options.GetValueOrDefault("concurrency", "1,16").Split(',').Select(int.Parse).ToArray();
        // a fresh process: its code is still being compiled to tier 1 during the first seconds of load (with 1 s
        // of warm-up the app spent 9–14 ms of CPU per booking at concurrency 1, with 15 s 3.5 ms)
        var warmUp = TimeSpan.FromSeconds(double.Parse(options.GetValueOrDefault("warmup", "15"), CultureInfo.InvariantCulture));
        var engine = options.GetValueOrDefault("engine", "sqlite").Equals("postgres", StringComparison.OrdinalIgnoreCase) ? DatabaseEngine.Postgres : DatabaseEngine.Sqlite;
        var postgres = options.GetValueOrDefault("postgres", "Host=127.0.0.1;Port=55500;Username=postgres");
        var dll = options.TryGetValue("app", out var given) ? Path.GetFullPath(given) : DefaultAppPath();
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"The app to run was not found: build it first (dotnet build Cotravail.slnx -c Release) or give --app.", dll);
        }

        // The database, prepared by the app in this process, then left for the app process.
        var dataDirectory = Directory.CreateTempSubdirectory("cotravail-http-bench-").FullName;
        var app = await BenchApp.StartAsync(engine, engine == DatabaseEngine.Postgres ? postgres : null, Resources, Password,
            sqliteFile: Path.Combine(dataDirectory, "cotravail.db"));
        var (connectionString, rooms) = (app.ConnectionString, app.Resources);
        app.KeepDatabase = true;
        await app.DisposeAsync();

        var port = FreePort();
        var log = Path.Combine(dataDirectory, "app.log");
        using var process = StartApp(dll, port, engine, connectionString, dataDirectory, log);
        try
        {
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            await WaitUntilUpAsync(http, process, log);
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(http));

            var started = TimeProvider.System.GetUtcNow().UtcDateTime;
            Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; {started.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC");
            Console.WriteLine($"App process: dotnet {dll} --urls http://127.0.0.1:{port} (Production, pid {process.Id}); {engine}: {Describe(engine, connectionString)}");
            Console.WriteLine();
            Console.WriteLine("| engine | operation | concurrency | ops/s | p50 ms | p95 ms | p99 ms | app CPU ms/op | client CPU ms/op | outcomes |");
            Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---|");

            // Free half-hours from the day after tomorrow in Paris, round-robin over the rooms (the location
            // is open 00:00–23:30 every day: 46 half-hours a day and room).
            var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
            var firstDay = TimeZoneInfo.ConvertTimeFromUtc(started, paris).Date.AddDays(2);
            var slot = 0;
            foreach (var concurrency in concurrencies)
            {
                Task<string> Book(int _)
                {
                    var n = Interlocked.Increment(ref slot);
                    var k = n / rooms.Count;
                    return PostAsync(http, rooms[n % rooms.Count], firstDay.AddDays(k / 46).AddMinutes(30 * (k % 46)));
                }
                // a warm-up (JIT tiers, pools, the app's caches), then the measured run
                await Measure.RunAsync(concurrency, warmUp, int.MaxValue, Book);
                process.Refresh();
                var (appCpu, clientCpu) = (process.TotalProcessorTime, Environment.CpuUsage.TotalTime);
                var run = await Measure.RunAsync(concurrency, duration, maxOperations, Book);
                process.Refresh();
                var perOp = (double)Math.Max(1, run.Operations);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {engine} | booking a free half-hour (POST /api/v1/bookings), app in its own process | {run.Concurrency} | {run.PerSecond:F0} | {run.P50:F2} | {run.P95:F2} | {run.P99:F2} | {(process.TotalProcessorTime - appCpu).TotalMilliseconds / perOp:F2} | {(Environment.CpuUsage.TotalTime - clientCpu).TotalMilliseconds / perOp:F2} | {string.Join(", ", run.Outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key} {o.Value}"))} |"));
            }
        }
        finally
        {
            await StopAsync(process);
            // the app's log outlives the run, for a look after it
            var kept = Path.Combine(Path.GetTempPath(), "cotravail-http-bench-app.log");
            File.Copy(log, kept, overwrite: true);
            Console.WriteLine();
            Console.WriteLine($"(The app's log: {kept}, {File.ReadLines(kept).Count()} lines.)");
            await BenchApp.DropAsync(connectionString, engine == DatabaseEngine.Postgres ? postgres : null);
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    /// POST /api/v1/bookings of a half-hour from localStart; the outcome as the tables count it.
    internal static async Task<string> PostAsync(HttpClient http, Guid resource, DateTime localStart, string title = "Bench booking")
    {
        try
        {
            using var response = await http.PostAsJsonAsync("api/v1/bookings", new
            {
                resourceId = resource,
                start = localStart.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
                end = localStart.AddMinutes(30).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
                title,
            });
            await response.Content.ReadAsByteArrayAsync();
            return response.StatusCode switch
            {
                HttpStatusCode.Created => "ok",
                HttpStatusCode.Conflict => "409",
                var other => ((int)other).ToString(CultureInfo.InvariantCulture),
            };
        }
        catch (Exception e)
        {
            return "error: " + e.GetType().Name;
        }
    }

    /// src/Cotravail/bin/Release/net10.0/Cotravail.dll of this checkout.
    private static string DefaultAppPath()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !Directory.Exists(Path.Combine(root.FullName, "src", "Cotravail")))
        {
            root = root.Parent;
        }
        return Path.Combine(root?.FullName ?? ".", "src", "Cotravail", "bin", "Release", "net10.0", "Cotravail.dll");
    }

    /// The app as deployed: Production settings (appsettings.json), its own data directory; the outbox
    /// keeps the emails queued (no SMTP here; the bench measures the write that queues them, as in process),
    /// and the bookings sweep is off, as in the in-process benches.
    private static Process StartApp(string dll, int port, DatabaseEngine engine, string connectionString, string dataDirectory, string log)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Cotravail__DataDirectory"] = dataDirectory;
        info.Environment["ConnectionStrings__Postgres"] = engine == DatabaseEngine.Postgres ? connectionString : "";
        info.Environment["Cotravail__SeedDemo"] = "false";
        info.Environment["Cotravail__Outbox__Send"] = "false";
        info.Environment["Cotravail__Bookings__Sweep"] = "false";
        info.Environment["Cotravail__Backups__Enabled"] = "false"; // a backup at start would weigh on the first measures
        var process = Process.Start(info) ?? throw new InvalidOperationException("The app did not start.");
        var writer = new StreamWriter(log) { AutoFlush = true };
        var gate = new Lock();
        var closed = false;
        void Write(object _, DataReceivedEventArgs e)
        {
            if (e.Data is not null)
            {
                lock (gate)
                {
                    if (!closed)
                    {
                        writer.WriteLine(e.Data);
                    }
                }
            }
        }
        process.OutputDataReceived += Write;
        process.ErrorDataReceived += Write;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.Exited += (_, _) =>
        {
            lock (gate)
            {
                closed = true;
                writer.Dispose();
            }
        };
        process.EnableRaisingEvents = true;
        return process;
    }

    private static async Task WaitUntilUpAsync(HttpClient http, Process process, string log)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {process.ExitCode}; see {log}:\n{await File.ReadAllTextAsync(log)}");
            }
            try
            {
                using var response = await http.GetAsync("healthz");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("The app did not answer /healthz within 60 s.");
    }

    /// One token for the whole run: POST /api/v1/auth/token is rate limited (RateLimits.Token).
    private static async Task<string> TokenAsync(HttpClient http)
    {
        using var response = await http.PostAsJsonAsync("api/v1/auth/token", new { email = BenchApp.MemberEmail, password = Password });
        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadFromJsonAsync<TokenAnswer>();
        return answer?.Token ?? throw new InvalidOperationException("No token in the answer.");
    }

    private sealed record TokenAnswer(string Token);

    /// SIGTERM (the host stops its hosted services, the group writers among them), then SIGKILL after 15 s.
    private static async Task StopAsync(Process process)
    {
        if (process.HasExited)
        {
            return;
        }
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)])!)
        {
            await kill.WaitForExitAsync();
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
        }
    }

    private static string Describe(DatabaseEngine engine, string connectionString) =>
        engine == DatabaseEngine.Postgres
            ? new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Password = null }.ConnectionString
            : new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
