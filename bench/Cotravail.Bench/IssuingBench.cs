using System.Globalization;
using System.Runtime.InteropServices;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Modules.Billing;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Network;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Bench;

/// Issuing throughput on one series (every issue takes the seller's chain lock and the series' counter)
/// against the engine's raw commit rate in the same run, on fresh databases: the numbering transaction
/// alone, then what the API does (the transaction, the PDF rendered and stored, the email queued).
internal static class IssuingBench
{
    public static async Task RunAsync(Dictionary<string, string> options)
    {
        var duration = TimeSpan.FromSeconds(double.Parse(options.GetValueOrDefault("seconds", "8"), CultureInfo.InvariantCulture));
        var concurrencies = options.GetValueOrDefault("concurrency", "1,16").Split(',').Select(int.Parse).ToArray();
        var drafts = int.Parse(options.GetValueOrDefault("drafts", "40000"), CultureInfo.InvariantCulture);
        var engines = new List<(DatabaseEngine, string?)> { (DatabaseEngine.Sqlite, null) };
        if (options.TryGetValue("postgres", out var postgres))
        {
            engines.Add((DatabaseEngine.Postgres, postgres));
        }

        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; {TimeProvider.System.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        Console.WriteLine();
        Console.WriteLine(BenchTable.Header);
        foreach (var (engine, connection) in engines)
        {
            await using var app = await BenchApp.StartAsync(engine, connection, resources: 1);
            await RawCommit.PrepareAsync(app);
            var (ids, admin) = await PrepareAsync(app, drafts);
            var next = 0;
            Task<string> Issue(bool full) => IssueAsync(app, ids, Interlocked.Increment(ref next) - 1, admin, full);
            foreach (var concurrency in concurrencies)
            {
                BenchTable.Print(engine, "raw insert + commit", await BenchTable.Timed(duration, drafts, concurrency, _ => RawCommit.InsertAsync(app)));
                BenchTable.Print(engine, "issue (numbering transaction)", await BenchTable.Timed(duration, drafts, concurrency, _ => Issue(full: false)));
                BenchTable.Print(engine, "issue + PDF + email (the API's work)", await BenchTable.Timed(duration, drafts, concurrency, _ => Issue(full: true)));
            }
            await using var scope = app.Services.CreateAsyncScope();
            var report = await VerifyChain.HandleAsync(scope.ServiceProvider.GetRequiredService<AppDb>(), CancellationToken.None);
            Console.WriteLine($"<!-- {engine}: chain intact {report.Intact}, {report.Checked} documents, numbers gapless -->");
        }
    }

    /// The seller's identity and a stock of two-line drafts, written in batches outside the timing.
    private static async Task<(IReadOnlyList<Guid> Ids, AccessScope Admin)> PrepareAsync(BenchApp app, int count)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        db.Network.Add(new NetworkProfile
        {
            Name = "Bench", LegalName = "Bench SAS", LegalForm = "SAS", ShareCapital = "1 000 €", Street = "1 rue du Banc", PostalCode = "75001", City = "Paris",
            Siren = "732829320", Siret = "73282932000074", RcsCity = "Paris", VatNumber = "FR44732829320",
        });
        await db.SaveChangesAsync();
        var rate = (await db.Locations.AsNoTracking().FirstAsync(l => l.Id == app.LocationId)).VatRates[0].MilliPercent;
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var ids = new List<Guid>(count);
        for (var batch = 0; batch < count; batch += 1000)
        {
            for (var i = batch; i < Math.Min(count, batch + 1000); i++)
            {
                var buyer = new Buyer(null, null, $"Client {i}", "2 rue du Client", "75002", "Paris", "FR", null, null, $"client{i}@bench.test");
                var draft = Invoice.Draft(app.LocationId, buyer, "EUR", "fr", app.Member.UserId!.Value, now);
                draft.SetLines([new InvoiceLine("Forfait temps plein", 1, 29000, 0, rate), new InvoiceLine("Salle de réunion, heures", 3, 3500, 0, rate)]);
                db.Invoices.Add(draft);
                ids.Add(draft.Id);
            }
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        return (ids, new AccessScope(app.Member.UserId, true, new HashSet<Guid>(), new HashSet<Guid>(), null, null));
    }

    private static async Task<string> IssueAsync(BenchApp app, IReadOnlyList<Guid> ids, int n, AccessScope admin, bool full)
    {
        if (n >= ids.Count)
        {
            return "no draft left";
        }
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            var issue = scope.ServiceProvider.GetRequiredService<IssueInvoice>();
            var result = full ? (await issue.HandleAsync(ids[n], admin, CancellationToken.None)).IsOk : (await issue.IssueAsync(ids[n], admin.UserId!.Value, CancellationToken.None)).IsOk;
            return result ? "ok" : "refused";
        }
        catch (Exception e)
        {
            return "error: " + e.GetType().Name;
        }
    }
}
