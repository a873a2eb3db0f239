using System.Globalization;
using Cotravail.Common.Database;

namespace Cotravail.Bench;

/// Benchmarks of the booking engine; each prints Markdown for docs/benchmarks.md. From a clean checkout:
///
/// Booking creation against the raw commit rate (fresh small databases, SQLite and PostgreSQL; `--row` adds
/// the hand-written booking row, `--parts` the handler's work before the write with and without its email):
///   dotnet run -c Release --project bench/Cotravail.Bench -- booking --seconds 8 --concurrency 1,16,64 --row --postgres "Host=127.0.0.1;Port=55500;Username=postgres"
///
/// The network-scale dataset (scale 1: 2,500 locations, 50,000 resources, 20,000 members, 10 million
/// bookings over two years; it replaces the database or file named):
///   dotnet run -c Release --project bench/Cotravail.Bench -- generate --engine postgres --connection "Host=127.0.0.1;Port=55500;Username=postgres" --database cotravail_scale --scale 1
///   dotnet run -c Release --project bench/Cotravail.Bench -- generate --engine sqlite --file /work/scale-sqlite.db --scale 0.1
///
/// Availability search (one location, the whole network; server side and over HTTP) and booking over
/// HTTP on that dataset (the bookings it makes are deleted at the end):
///   dotnet run -c Release --project bench/Cotravail.Bench -- availability --engine postgres --connection "Host=127.0.0.1;Port=55500;Username=postgres" --database cotravail_scale
///   dotnet run -c Release --project bench/Cotravail.Bench -- availability --engine sqlite --file /work/scale-sqlite.db
/// (`--network-server-only` runs only the network-wide search server side, `--booking-only` only the
/// bookings over HTTP: cases to profile, e.g. under `dotnet-trace collect -- …`.)
///
/// Booking over HTTP with the app in its own process (the built src/Cotravail/bin/Release/net10.0/Cotravail.dll,
/// or --app PATH; fresh database, one location, 200 rooms; the bench process only sends HTTP; 15 s of
/// warm-up per concurrency, --warmup to change it):
///   dotnet run -c Release --project bench/Cotravail.Bench -- http-booking --engine sqlite --seconds 8 --concurrency 1,16
///   dotnet run -c Release --project bench/Cotravail.Bench -- http-booking --engine postgres --postgres "Host=127.0.0.1;Port=55500;Username=postgres" --seconds 8 --concurrency 1,16
///
/// Invoice PDF rendering (no database; 2,000 invoices of 10 lines on 1 thread, then on 2; peak RSS):
///   dotnet run -c Release --project bench/Cotravail.Bench -- pdf --invoices 2000 --threads 1,2
///
/// Invoice issuing on one series at concurrency 1 and 16 against the raw commit rate (fresh databases;
/// the numbering transaction alone, then with the PDF and the email; the chain is verified at the end):
///   dotnet run -c Release --project bench/Cotravail.Bench -- issuing --seconds 8 --concurrency 1,16 --postgres "Host=127.0.0.1;Port=55500;Username=postgres"
///
/// A month's billing run (fresh databases: SQLite 10,000 members, PostgreSQL 100,000; collect, draft in batches
/// of 200 payers, then issue 2,000 of the drafts; wall time, drafts/s, issues/s, peak RSS; `--only sqlite|postgres`,
/// `--sqlite-members 1000,10000`, `--postgres-members 10000,100000`, `--issue N`):
///   dotnet run -c Release --project bench/Cotravail.Bench -- billing-run --postgres "Host=127.0.0.1;Port=55500;Username=postgres"
///
/// A location's timeline with 50 resources, day and week, as its manager and as a member (fresh databases on
/// both engines; 30 warm-up then 200 requests per case through the in-process test server; `--only sqlite|postgres`):
///   dotnet run -c Release --project bench/Cotravail.Bench -- timeline --postgres "Host=127.0.0.1;Port=55500;Username=postgres"
///
/// Directory search and complementary matching over 100,000 members with 10 skills each on PostgreSQL, 10,000 on
/// SQLite (fresh databases; handlers called server side; `--only`, `--sqlite-members`, `--postgres-members`):
///   dotnet run -c Release --project bench/Cotravail.Bench -- community --postgres "Host=127.0.0.1;Port=55500;Username=postgres"
///
/// Without a command, `booking` (its options as before).
internal static class BenchProgram
{
    public static async Task Main(string[] args)
    {
        var command = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "booking";
        var rest = command == "booking" && (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal)) ? args : args[1..];
        var options = rest.Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--", StringComparison.Ordinal))
            .ToDictionary(x => x.a[2..], x => x.i + 1 < rest.Length ? rest[x.i + 1] : "");
        switch (command)
        {
            case "booking":
                await BookingBench.RunAsync(options);
                break;
            case "generate":
                await Generator.RunAsync(Options.From(options));
                break;
            case "availability":
                await AvailabilityBench.RunAsync(Options.From(options));
                break;
            case "http-booking":
                await HttpBookingBench.RunAsync(options);
                break;
            case "issuing":
                await IssuingBench.RunAsync(options);
                break;
            case "pdf":
                await PdfBench.RunAsync(options);
                break;
            case "billing-run":
                await BillingRunBench.RunAsync(options);
                break;
            case "timeline":
                await TimelineBench.RunAsync(options);
                break;
            case "community":
                await CommunityBench.RunAsync(options);
                break;
            default:
                Console.Error.WriteLine($"Unknown command {command}: booking, generate, availability, http-booking, issuing, pdf, billing-run or timeline.");
                Environment.ExitCode = 2;
                break;
        }
    }
}

/// Options of `generate` and `availability`: the engine and where its database is.
internal sealed record Options(DatabaseEngine Engine, string Connection, string Database, string File, double Scale, int Seed, double Seconds, int MaxRequests, bool ServerOnly, bool BookingOnly)
{
    public static Options From(Dictionary<string, string> o) => new(
        o.GetValueOrDefault("engine", "postgres").Equals("sqlite", StringComparison.OrdinalIgnoreCase) ? DatabaseEngine.Sqlite : DatabaseEngine.Postgres,
        o.GetValueOrDefault("connection", "Host=127.0.0.1;Port=55500;Username=postgres"),
        o.GetValueOrDefault("database", "cotravail_scale"),
        o.GetValueOrDefault("file", "/work/scale-sqlite.db"),
        double.Parse(o.GetValueOrDefault("scale", "1"), CultureInfo.InvariantCulture),
        int.Parse(o.GetValueOrDefault("seed", "20261125"), CultureInfo.InvariantCulture),
        double.Parse(o.GetValueOrDefault("seconds", "5"), CultureInfo.InvariantCulture),
        int.Parse(o.GetValueOrDefault("requests", "2000"), CultureInfo.InvariantCulture),
        o.ContainsKey("network-server-only"),
        o.ContainsKey("booking-only"));

    /// The connection string of the dataset's database for the app.
    public string ConnectionString => Engine == DatabaseEngine.Postgres
        ? ScaleApp.PostgresConnection(Connection, Database)
        : ScaleApp.SqliteConnection(File);
}
