using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Cotravail.Common.Database;
using Cotravail.Modules.Billing;
using Cotravail.Modules.Companies;
using Cotravail.Modules.Members;
using Cotravail.Modules.Network;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Bench;

/// A month's billing run on a fresh database of N members, through the real code: the run's steps one after
/// the other as BillingRunWorker takes them (collect, then drafting batches of BillingRunOptions.BatchSize payers, each in its own DI
/// scope), timed apart from the issuing of a part of its drafts (IssueRunInvoices: numbering transaction,
/// PDF, email). Every member has a monthly plan, some a room and a locker too; one member in ten is billed to
/// their company (five members a company), so a company's invoice gathers its team's lines. The peak RSS is
/// the process's VmHWM, reset after the set-up (/proc/self/clear_refs); the GC heap is sampled every 50 ms.
internal static class BillingRunBench
{
    private const string Period = "2026-11";

    /// Payers drafted (invoices issued) a step: the app's default unless --batch says otherwise.
    private static int batch = new BillingRunOptions().BatchSize;

    public static async Task RunAsync(Dictionary<string, string> options)
    {
        var engines = new List<(DatabaseEngine Engine, string? Connection, int[] Members)>
        {
            (DatabaseEngine.Sqlite, null, Sizes(options.GetValueOrDefault("sqlite-members", "10000"))),
        };
        if (options.TryGetValue("postgres", out var postgres))
        {
            engines.Add((DatabaseEngine.Postgres, postgres, Sizes(options.GetValueOrDefault("postgres-members", "100000"))));
        }
        if (options.TryGetValue("only", out var only))
        {
            engines.RemoveAll(e => !e.Engine.ToString().Equals(only, StringComparison.OrdinalIgnoreCase));
        }
        var issue = int.Parse(options.GetValueOrDefault("issue", "2000"), CultureInfo.InvariantCulture);
        batch = int.Parse(options.GetValueOrDefault("batch", batch.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; {TimeProvider.System.GetUtcNow().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC; batches of {batch}");
        Console.WriteLine();
        Console.WriteLine("| engine | members | payers | charges | set-up s | collect s | drafting s | drafts/s | CPU ms/draft | issued | issue s | issues/s | peak RSS MB | peak GC heap MB |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (engine, connection, sizes) in engines)
        {
            foreach (var members in sizes)
            {
                await OneAsync(engine, connection, members, issue);
            }
        }
        Console.WriteLine();
        Console.WriteLine("(Peak RSS and GC heap: from the end of the set-up to the end of the issuing, the run only. Drafts/s counts payers drafted; CPU ms/draft is this process's (the app, and SQLite itself; not the PostgreSQL server's).)");
    }

    private static int[] Sizes(string text) => [.. text.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))];

    private static async Task OneAsync(DatabaseEngine engine, string? connection, int members, int issueCount)
    {
        await using var app = await BenchApp.StartAsync(engine, connection, resources: 1);
        app.KeepDatabase = Environment.GetEnvironmentVariable("BENCH_KEEP_DATABASE") == "1"; // to read its plans afterwards
        var setUp = Stopwatch.StartNew();
        var (payers, charges, admin) = await SeedAsync(app, members);
        setUp.Stop();

        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        ResetPeakRss();
        using var heap = new HeapSampler();

        var run = new BillingRun(Period, admin, TimeProvider.System.GetUtcNow().UtcDateTime);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            db.BillingRuns.Add(run);
            await db.SaveChangesAsync();
        }
        var collect = Stopwatch.StartNew();
        await StepAsync(app, run.Id); // collecting: charges of bookings and assignments (none here), the payers counted
        collect.Stop();
        var cpu = Environment.CpuUsage.TotalTime;
        var drafting = Stopwatch.StartNew();
        while (await StepAsync(app, run.Id))
        {
        }
        drafting.Stop();
        var cpuMs = (Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds;
        var drafted = await RunOf(app, run.Id);
        if (drafted.Status != BillingRunStatus.Drafted || drafted.DraftsCreated != payers)
        {
            throw new InvalidOperationException($"The run is {drafted.Status} with {drafted.DraftsCreated} drafts of {payers} payers: {drafted.Error}");
        }

        // Members have no postal address yet: staff complete the drafts at review; here, with one SQL update.
        await FillBuyerAddressesAsync(app);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            var tracked = await db.BillingRuns.FirstAsync(r => r.Id == run.Id);
            tracked.RequestIssue(admin).ShouldBeTrue();
            await db.SaveChangesAsync();
        }
        var issuing = Stopwatch.StartNew();
        for (var batches = (issueCount + batch - 1) / batch; batches > 0 && await StepAsync(app, run.Id); batches--)
        {
        }
        issuing.Stop();
        var issued = (await RunOf(app, run.Id)).InvoicesIssued;
        var peakRss = PeakRssMb();
        var peakHeap = heap.PeakMb;

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var report = await VerifyChain.HandleAsync(scope.ServiceProvider.GetRequiredService<AppDb>(), CancellationToken.None);
            report.Intact.ShouldBeTrue();
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {engine} | {members:N0} | {payers:N0} | {charges:N0} | {setUp.Elapsed.TotalSeconds:F1} | {collect.Elapsed.TotalSeconds:F1} | {drafting.Elapsed.TotalSeconds:F1} | {payers / drafting.Elapsed.TotalSeconds:F0} | {cpuMs / payers:F2} | {issued:N0} | {issuing.Elapsed.TotalSeconds:F1} | {issued / issuing.Elapsed.TotalSeconds:F0} | {peakRss:F0} | {peakHeap:F0} |"));
    }

    private static async Task<bool> StepAsync(BenchApp app, Guid run)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BillingRunSteps>().StepAsync(run, batch, CancellationToken.None);
    }

    private static async Task<BillingRun> RunOf(BenchApp app, Guid run)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDb>().BillingRuns.AsNoTracking().FirstAsync(r => r.Id == run);
    }

    /// The seller, N members (one in ten billed to a company of five) and their month's charges, written in
    /// batches of 5,000 rows per SaveChanges on a fresh context (no tracking kept from one batch to the next).
    private static async Task<(int Payers, int Charges, Guid Admin)> SeedAsync(BenchApp app, int count)
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            db.Network.Add(new NetworkProfile
            {
                Name = "Bench", LegalName = "Bench SAS", LegalForm = "SAS", ShareCapital = "1 000 €", Street = "1 rue du Banc", PostalCode = "75001", City = "Paris",
                Siren = "732829320", Siret = "73282932000074", RcsCity = "Paris", VatNumber = "FR44732829320",
            });
            await db.SaveChangesAsync();
        }
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var (first, last) = (new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));
        var (payers, charges) = (0, 0);
        Company? company = null;
        const int chunk = 2_000;
        for (var start = 0; start < count; start += chunk)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(count, start + chunk); i++)
            {
                var member = new Member("Membre", $"N°{i:D6}", $"membre{i:D6}@bench.test", MemberCategory.Freelancer, app.LocationId) { CreatedAt = now };
                Guid? payer = null;
                if (i % 10 == 9) // one member in ten, billed to a company of five
                {
                    if (company is null || i % 50 == 9)
                    {
                        company = new Company($"Entreprise {i:D6} SAS")
                        {
                            Siren = (100_000_000 + i).ToString(CultureInfo.InvariantCulture), Street = "3 rue de l'Entreprise", PostalCode = "69002", City = "Lyon",
                            BillingEmail = $"factures{i:D6}@bench.test", CreatedAt = now,
                        };
                        db.Companies.Add(company);
                        payers++;
                    }
                    member.JoinCompany(company.Id, billedToCompany: true, isCompanyAdmin: false);
                    payer = company.Id;
                }
                else
                {
                    payers++;
                }
                db.Members.Add(member);
                Charge Charge(string description, decimal quantity, long cents, DateOnly date, DateOnly? end) =>
                    new(app.LocationId, member.Id, payer, ChargeSource.Manual, null, Period, description, quantity, cents, 20_000, "EUR", date, end, now);
                db.Charges.Add(Charge("Forfait temps plein · 01/11/2026 – 30/11/2026", 1, 29_000, first, last));
                charges++;
                if (i % 3 == 0)
                {
                    db.Charges.Add(Charge("Salle de réunion Tilleul, heures", 3, 3_500, first.AddDays(i % 28), null));
                    charges++;
                }
                if (i % 7 == 0)
                {
                    db.Charges.Add(Charge("Casier", 1, 1_500, first, last));
                    charges++;
                }
            }
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
        }
        return (payers, charges, app.Member.UserId!.Value);
    }

    private static async Task FillBuyerAddressesAsync(BenchApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        await db.Invoices.Where(i => i.Status == InvoiceStatus.Draft && i.BuyerStreet == "").ExecuteUpdateAsync(u => u
            .SetProperty(i => i.BuyerStreet, "2 rue du Membre").SetProperty(i => i.BuyerPostalCode, "75002").SetProperty(i => i.BuyerCity, "Paris"));
    }

    /// Resets the process's VmHWM to its current RSS (Linux: writing 5 to /proc/self/clear_refs).
    private static void ResetPeakRss()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static double PeakRssMb()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? double.NaN : long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
    }

    /// The largest managed heap seen (GC.GetTotalMemory, every 50 ms).
    private sealed class HeapSampler : IDisposable
    {
        private readonly Timer timer;
        private long peak;

        public HeapSampler()
        {
            timer = new Timer(_ => Sample(), null, 0, 50);
        }

        public double PeakMb
        {
            get
            {
                Sample();
                return Interlocked.Read(ref peak) / 1048576.0;
            }
        }

        private void Sample()
        {
            var now = GC.GetTotalMemory(false);
            long seen;
            while (now > (seen = Interlocked.Read(ref peak)) && Interlocked.CompareExchange(ref peak, now, seen) != seen)
            {
            }
        }

        public void Dispose() => timer.Dispose();
    }
}
