using System.Net;
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
        var acknowledged = new System.Collections.Concurrent.ConcurrentBag<Guid>();
        await using (var server = await AppProcess.StartAsync(scratch, data.FullName))
        {
            var client = server.Client;
            await server.SignInAsync(DemoAccounts.NetworkAdmin, DemoAccounts.Password);
            var drafts = await DraftsAsync(scratch, 200);
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
            while (acknowledged.Count < 40 && !server.HasExited)
            {
                await Task.Delay(20);
            }

            await server.KillAsync(); // SIGKILL: no shutdown, no flush beyond what was committed
            await stop.CancelAsync();
            await Task.WhenAll(clients);
        }

        await using var db = scratch.NewDb();
        var issued = await AppProcess.AssertSeriesIntactAsync(db);
        acknowledged.Count.ShouldBeGreaterThanOrEqualTo(40);
        acknowledged.Except(issued).ShouldBeEmpty("every acknowledged issue is committed");
        data.Delete(recursive: true);
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
