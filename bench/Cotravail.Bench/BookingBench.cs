using System.Globalization;
using System.Runtime.InteropServices;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Modules.Bookings;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Bench;

/// Booking creation throughput against the engine's raw single-row insert-and-commit rate, at several
/// concurrencies, on SQLite and (with --postgres) PostgreSQL, each on a fresh small database.
internal static class BookingBench
{
    public static async Task RunAsync(Dictionary<string, string> options)
    {
        var duration = TimeSpan.FromSeconds(double.Parse(options.GetValueOrDefault("seconds", "8"), CultureInfo.InvariantCulture));
        var concurrencies = options.GetValueOrDefault("concurrency", "1,16,64").Split(',').Select(int.Parse).ToArray();
        const int Resources = 200;
        const int MaxOperations = 200_000;
        var engines = new List<(DatabaseEngine, string?)> { (DatabaseEngine.Sqlite, null) };
        if (options.TryGetValue("postgres", out var postgres))
        {
            engines.Add((DatabaseEngine.Postgres, postgres));
        }
        if (options.TryGetValue("engine", out var only))
        {
            // one engine alone, e.g. under a profiler
            engines.RemoveAll(e => !e.Item1.ToString().Equals(only, StringComparison.OrdinalIgnoreCase));
        }

        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; {TimeProvider.System.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        Console.WriteLine();
        Console.WriteLine("| engine | operation | concurrency | ops/s | p50 ms | p95 ms | p99 ms | CPU ms/op | outcomes |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---|");
        foreach (var (engine, connection) in engines)
        {
            await using var app = await BenchApp.StartAsync(engine, connection, Resources);
            await RawCommit.PrepareAsync(app);
            var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
            var firstDay = TimeZoneInfo.ConvertTimeFromUtc(TimeProvider.System.GetUtcNow().UtcDateTime, paris).Date.AddDays(2);
            var slot = 0;
            foreach (var concurrency in concurrencies)
            {
                var raw = await BenchTable.Timed(duration, MaxOperations, concurrency, _ => RawCommit.InsertAsync(app));
                BenchTable.Print(engine, "raw insert + commit", raw);
                var booking = await BenchTable.Timed(duration, MaxOperations, concurrency, _ =>
                {
                    var n = Interlocked.Increment(ref slot);
                    return BookAsync(app, n, firstDay);
                });
                BenchTable.Print(engine, "booking (server side)", booking);
                if (options.ContainsKey("row"))
                {
                    var row = await BenchTable.Timed(duration, MaxOperations, concurrency, _ =>
                    {
                        var n = Interlocked.Increment(ref slot);
                        return RowInsertAsync(app, n, firstDay);
                    });
                    BenchTable.Print(engine, "booking row, hand-written INSERT", row);
                }
                if (options.ContainsKey("parts") && concurrency == 1)
                {
                    // What the handler does before the write, nothing written: its checks and price, then
                    // the same with the confirmation email composed and queued in the (unsaved) context.
                    BenchTable.Print(engine, "checks and price only, not written", await BenchTable.Timed(duration, MaxOperations, 1, _ => PrepareAsync(app, Interlocked.Increment(ref slot), firstDay, notice: false)));
                    BenchTable.Print(engine, "checks, price and email composed, not written", await BenchTable.Timed(duration, MaxOperations, 1, _ => PrepareAsync(app, Interlocked.Increment(ref slot), firstDay, notice: true)));
                }
            }
        }

        // The booking table's own ceiling: one booking row written by hand (its indexes, constraints and
        // triggers), no rules, no EF Core, one transaction per row (on SQLite behind the app's write gate).
        static async Task<string> RowInsertAsync(BenchApp app, int n, DateTime firstDay)
        {
            var resource = app.Resources[n % app.Resources.Count];
            var k = n / app.Resources.Count;
            var local = firstDay.AddDays(k / 46).AddMinutes(30 * (k % 46));
            var start = TimeZoneInfo.ConvertTimeToUtc(local, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris"));
            var pg = app.Engine == DatabaseEngine.Postgres;
            object Id(Guid g) => pg ? g : g.ToString().ToUpperInvariant();
            object At(DateTime t) => pg ? t : t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
            try
            {
                using var gate = await app.SqliteGateAsync(); // one SQLite writer at a time, as in the app
                await using var connection = app.NewConnection();
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = """
                    INSERT INTO "Bookings" ("Id","ResourceId","LocationId","Seat","Start","End","BlockStart","BlockEnd","Status","BookedByUserId","MemberId","Title","PriceCents","Currency","VatMilliPercent","CreatedAt","CancellationFeeCents","Sequence","Kind","Assignable")
                    VALUES (@id,@resource,@location,1,@start,@end,@start,@end,'Confirmed',@user,@member,'Bench',1000,'EUR',2000,@now,0,0,'MeetingRoom',FALSE)
                    """;
                RawCommit.AddParameter(command, "@id", Id(Guid.CreateVersion7()));
                RawCommit.AddParameter(command, "@resource", Id(resource));
                RawCommit.AddParameter(command, "@location", Id(app.LocationId));
                RawCommit.AddParameter(command, "@start", At(start));
                RawCommit.AddParameter(command, "@end", At(start.AddMinutes(30)));
                RawCommit.AddParameter(command, "@user", Id(app.Member.UserId!.Value));
                RawCommit.AddParameter(command, "@member", Id(app.Member.MemberId!.Value));
                RawCommit.AddParameter(command, "@now", At(TimeProvider.System.GetUtcNow().UtcDateTime));
                if (pg)
                {
                    await command.PrepareAsync();
                }
                await command.ExecuteNonQueryAsync();
                return "ok";
            }
            catch (Exception e)
            {
                return "error: " + e.GetType().Name + " " + e.Message[..Math.Min(60, e.Message.Length)];
            }
        }

        // Operation n's own free half-hour: round-robin over the rooms, 46 half-hours a day.
        static BookResource.Request Slot(BenchApp app, int n, DateTime firstDay)
        {
            var k = n / app.Resources.Count;
            var start = firstDay.AddDays(k / 46).AddMinutes(30 * (k % 46));
            return new BookResource.Request
            {
                ResourceId = app.Resources[n % app.Resources.Count],
                Start = start.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
                End = start.AddMinutes(30).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
            };
        }

        // The handler's work before the write (BookResource.PrepareAsync: lookups, checks, price), and with
        // notice the confirmation email composed and queued as HandleAsync does; nothing is saved.
        static async Task<string> PrepareAsync(BenchApp app, int n, DateTime firstDay, bool notice)
        {
            try
            {
                await using var scope = app.Services.CreateAsyncScope();
                var book = scope.ServiceProvider.GetRequiredService<BookResource>();
                var request = Slot(app, n, firstDay);
                var prepared = await book.PrepareAsync(request, app.Member, CancellationToken.None);
                if (!prepared.IsOk)
                {
                    return "refused: " + prepared.Error.Message;
                }
                if (notice)
                {
                    await scope.ServiceProvider.GetRequiredService<BookingNotice>().SendAsync([prepared.Value.Booking], BookingEvent.Confirmed, [], CancellationToken.None);
                }
                return "ok";
            }
            catch (Exception e)
            {
                return "error: " + e.GetType().Name;
            }
        }

        // A booking through the same handler as POST /api/v1/bookings: checks, price, seat, guarded insert,
        // and its confirmation email queued in the same transaction (the handler's collaborators are required).
        static async Task<string> BookAsync(BenchApp app, int n, DateTime firstDay)
        {
            try
            {
                await using var scope = app.Services.CreateAsyncScope();
                var book = scope.ServiceProvider.GetRequiredService<BookResource>();
                var request = Slot(app, n, firstDay);
                var result = await book.HandleAsync(request, app.Member, CancellationToken.None);
                return result.IsOk ? "ok" : result.Error switch
                {
                    Conflict => "409",
                    var error => "refused: " + error.Message,
                };
            }
            catch (Exception e)
            {
                return "error: " + e.GetType().Name;
            }
        }
    }
}
