using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Common.Database;
using Cotravail.Modules.Billing;
using Cotravail.Modules.Demo;
using Cotravail.Modules.Locations;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Modules.Billing;

/// The app in its own process, killed with SIGKILL while it issues invoices from eight clients at once:
/// every acknowledged issue is in the database, the numbers run 1..N with no gap, no document is half
/// written, and the footprint chain is intact.
public abstract class IssuingKillTests(TestApp app)
{
    [Fact]
    public async Task SIGKILL_while_issuing_loses_no_acknowledged_invoice_and_leaves_no_gap_and_no_half_document()
    {
        await using var scratch = await app.CreateScratchDatabaseAsync();
        var data = Directory.CreateTempSubdirectory("cotravail-kill-");
        var port = SmtpServer.FreePort();
        using var process = Start(scratch, data.FullName, port);
        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<Guid>();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
            await WaitUntilUpAsync(client, process);
            using (var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = DemoAccounts.NetworkAdmin, password = DemoAccounts.Password }))
            {
                var answer = await token.Content.ReadFromJsonAsync<JsonElement>();
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", answer.GetProperty("token").GetString());
            }
            var drafts = await DraftsAsync(scratch, 400);
            var next = -1;
            using var stop = new CancellationTokenSource();
            var clients = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested && Interlocked.Increment(ref next) is var n && n < drafts.Count)
                {
                    try
                    {
                        using var response = await client.PostAsync($"/api/v1/invoices/{drafts[n]}/issue", null, stop.Token);
                        if (response.StatusCode == HttpStatusCode.OK)
                        {
                            acknowledged.Add(drafts[n]);
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException or OperationCanceledException)
                    {
                        return; // the server is gone
                    }
                }
            })).ToArray();
            while (acknowledged.Count < 40 && !process.HasExited)
            {
                await Task.Delay(20);
            }

            process.Kill(entireProcessTree: true); // SIGKILL: no shutdown, no flush beyond what was committed
            await process.WaitForExitAsync();
            await stop.CancelAsync();
            await Task.WhenAll(clients);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        await using var db = scratch.NewDb();
        var issued = await db.Invoices.AsNoTracking().Where(i => i.Status == InvoiceStatus.Issued && i.Kind == DocumentKind.Invoice)
            .OrderBy(i => i.Sequence).Select(i => new { i.Id, i.Sequence, i.IssueDate }).ToListAsync();
        acknowledged.Count.ShouldBeGreaterThanOrEqualTo(40);
        acknowledged.Except(issued.Select(i => i.Id)).ShouldBeEmpty("every acknowledged issue is committed");
        issued.Select(i => i.Sequence!.Value).ShouldBe(Enumerable.Range(1, issued.Count).Select(n => (long)n));
        issued.Select(i => i.IssueDate!.Value).ShouldBeInOrder(SortDirection.Ascending);
        (await db.Set<InvoiceCounter>().Where(c => c.Series == InvoiceSeries.Invoices).Select(c => c.LastNumber).SingleAsync()).ShouldBe(issued.Count);
        (await db.Invoices.CountAsync(i => i.Status == InvoiceStatus.Draft && (i.Number != null || i.Footprint != null))).ShouldBe(0);
        (await VerifyChain.HandleAsync(db, CancellationToken.None)).Intact.ShouldBeTrue();
        data.Delete(recursive: true);
    }

    /// The server on the scratch database, with the demo network (its seller identity and admin).
    private static Process Start(ScratchDatabase scratch, string data, int port)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "Cotravail.dll"), "--urls", $"http://127.0.0.1:{port}" },
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["Cotravail__DataDirectory"] = data,
                ["Cotravail__SeedDemo"] = "true",
                ["Cotravail__Outbox__Send"] = "false",
                ["Logging__LogLevel__Default"] = "Warning",
                ["ConnectionStrings__Postgres"] = scratch.Engine == DatabaseEngine.Postgres ? scratch.ConnectionString : "",
                ["ConnectionStrings__Sqlite"] = scratch.Engine == DatabaseEngine.Sqlite ? scratch.ConnectionString : "",
            },
        };
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilUpAsync(HttpClient client, Process process)
    {
        for (var attempt = 0; attempt < 480 && !process.HasExited; attempt++)
        {
            try
            {
                if ((await client.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(250);
        }
        throw new InvalidOperationException("The server did not start.");
    }

    /// Drafts for Lyon written straight into the database the server uses.
    private static async Task<List<Guid>> DraftsAsync(ScratchDatabase scratch, int count)
    {
        await using var db = scratch.NewDb();
        var lyon = await db.Locations.Where(l => l.Slug == DemoAccounts.LyonSlug).Select(l => l.Id).FirstAsync();
        var admin = await db.Users.Where(u => u.Email == DemoAccounts.NetworkAdmin).Select(u => u.Id).FirstAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var buyer = new Buyer(null, null, $"Client {i}", "2 rue du Client", "69002", "Lyon", "FR", null, null, null);
            var draft = Invoice.Draft(lyon, buyer, "EUR", "fr", admin, TimeProvider.System.GetUtcNow().UtcDateTime);
            draft.SetLines([new InvoiceLine("Journée en open space", 1, 2500, 0, 20_000)]);
            db.Invoices.Add(draft);
            ids.Add(draft.Id);
        }
        await db.SaveChangesAsync();
        return ids;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class IssuingKillTests_Sqlite(SqliteTestApp app) : IssuingKillTests(app);

[Collection(PostgresCollection.Name)]
public sealed class IssuingKillTests_Postgres(PostgresTestApp app) : IssuingKillTests(app);
