using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Modules.Billing;
using Cotravail.Modules.Companies;
using Cotravail.Modules.Demo;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Members;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Modules.Billing;

/// The app in its own process, killed with SIGKILL in the middle of a billing run's drafting, then again in
/// the middle of its issuing, each time while a RunHold keeps the worker at a known place inside a batch;
/// each time the next start takes the run back (BillingRunWorker). At the end
/// every payer has exactly one invoice, every charge is billed once, the numbers run 1..N with no gap and
/// every issued invoice is whole, with its link in a chain that verifies.
public abstract class BillingRunKillTests(TestApp app)
{
    private const string Period = "2031-03";

    /// Five payers a batch, so that the run is killed between batches and within one.
    private static readonly Dictionary<string, string> SmallBatches = new() { ["Cotravail__BillingRuns__BatchSize"] = "5" };

    [Fact]
    public async Task SIGKILL_during_drafting_and_during_issuing_of_a_run_leaves_one_invoice_per_payer_no_gap_and_no_half_invoice()
    {
        await using var scratch = await app.CreateScratchDatabaseAsync();
        var data = Directory.CreateTempSubdirectory("cotravail-run-kill-");
        Guid run;
        RunHold hold;
        await using (var first = await AppProcess.StartAsync(scratch, data.FullName, settings: SmallBatches))
        {
            await first.SignInAsync(DemoAccounts.NetworkAdmin, DemoAccounts.Password);
            await SeedAsync(scratch);
            // The fourth batch of the drafting, then the ninth document of the issuing, are held until the kill.
            hold = await RunHold.InstallAsync(scratch, nameof(BillingRun.CustomersDone), 15);
            using var started = await first.Client.PostAsJsonAsync("/api/v1/billing/runs", new { period = Period });
            started.StatusCode.ShouldBe(HttpStatusCode.Accepted, await started.Content.ReadAsStringAsync());
            run = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            await UntilAsync(scratch, run, r => r.CustomersDone >= 15 || !r.Unfinished);
            await hold.HeldAsync();
            await first.KillAsync();
        }
        await hold.DisposeAsync();
        var killedDrafting = await RunAsync(scratch, run);
        killedDrafting.Status.ShouldBe(BillingRunStatus.Drafting, "killed in the middle of the drafting");
        killedDrafting.CustomersDone.ShouldBe(15, "three batches of five committed, the fourth held and killed");
        killedDrafting.CustomersDone.ShouldBeLessThan(killedDrafting.CustomersTotal);

        hold = await RunHold.InstallAsync(scratch, nameof(BillingRun.InvoicesIssued), 8);
        await using (var second = await AppProcess.StartAsync(scratch, data.FullName, seedDemo: false, settings: SmallBatches))
        {
            await UntilAsync(scratch, run, r => r.Status == BillingRunStatus.Drafted);
            await second.SignInAsync(DemoAccounts.NetworkAdmin, DemoAccounts.Password);
            using var issue = await second.Client.PostAsync($"/api/v1/billing/runs/{run}/issue", null);
            issue.StatusCode.ShouldBe(HttpStatusCode.Accepted, await issue.Content.ReadAsStringAsync());
            await UntilAsync(scratch, run, r => r.InvoicesIssued >= 8 || !r.Unfinished);
            await hold.HeldAsync();
            await second.KillAsync();
        }
        await hold.DisposeAsync();
        var killedIssuing = await RunAsync(scratch, run);
        killedIssuing.Status.ShouldBe(BillingRunStatus.Issuing, "killed in the middle of the issuing");
        killedIssuing.InvoicesIssued.ShouldBe(8, "the run's progress after the eighth invoice held and killed");

        await using (var third = await AppProcess.StartAsync(scratch, data.FullName, seedDemo: false, settings: SmallBatches))
        {
            await UntilAsync(scratch, run, r => r.Status == BillingRunStatus.Done);
        }

        await using var db = scratch.NewDb();
        var prefix = $"run:{Period}:";
        var charges = await db.Charges.AsNoTracking().Where(c => c.SourcePeriod == Period).ToListAsync();
        var invoices = await db.Invoices.AsNoTracking().Include(i => i.Lines).Where(i => i.SourceKey!.StartsWith(prefix)).ToListAsync();
        var payers = charges.GroupBy(c => c.PayerId).Where(g => g.Sum(c => c.UnitPriceCents * c.Quantity) > 0).Select(g => g.Key).ToList();
        payers.Count.ShouldBeGreaterThanOrEqualTo(70);
        invoices.Select(i => i.SourceKey).OrderBy(k => k).ShouldBe(payers.Select(p => prefix + p).OrderBy(k => k), "one invoice a payer, no more");
        var lines = invoices.SelectMany(i => i.Lines).Where(l => l.ChargeId != null).ToList();
        lines.Select(l => l.ChargeId!.Value).Order().ShouldBe(charges.Where(c => payers.Contains(c.PayerId)).Select(c => c.Id).Order(), "each charge on one line");
        charges.Where(c => payers.Contains(c.PayerId)).ShouldAllBe(c => c.InvoiceLineId != null && lines.Any(l => l.Id == c.InvoiceLineId && l.ChargeId == c.Id));
        var issued = await AppProcess.AssertSeriesIntactAsync(db);
        // Every draft with a buyer address was issued; the members' (no postal address yet) stay drafts for staff.
        invoices.Where(i => i.BuyerStreet != "").ShouldAllBe(i => i.Status == InvoiceStatus.Issued && issued.Contains(i.Id));
        invoices.Count(i => i.Status == InvoiceStatus.Issued).ShouldBeGreaterThanOrEqualTo(60);
        // The ninth invoice was issued before the kill but never counted by the run: its final counts come from the invoices.
        var done = await RunAsync(scratch, run);
        done.InvoicesIssued.ShouldBe(invoices.Count(i => i.Status == InvoiceStatus.Issued));
        done.IssueFailures.ShouldBe(invoices.Count(i => i.Status == InvoiceStatus.Draft));
        data.Delete(recursive: true);
    }

    /// In Lyon: 60 companies, each with its own charge or two (a domiciliation, a room), five of them also
    /// paying for two members each; 10 members paying for themselves.
    private static async Task SeedAsync(ScratchDatabase scratch)
    {
        await using var db = scratch.NewDb();
        var lyon = await db.Locations.Where(l => l.Slug == DemoAccounts.LyonSlug).Select(l => l.Id).FirstAsync();
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var day = new DateOnly(2031, 3, 2);
        Charge Charge(Guid? member, Guid? company, string description, long cents) =>
            new(lyon, member, company, ChargeSource.Manual, null, Period, description, 1, cents, 20_000, "EUR", day, null, now);
        for (var i = 0; i < 60; i++)
        {
            var company = new Company($"Société {i:D3} SAS") { Street = "5 rue de la Société", PostalCode = "69003", City = "Lyon", BillingEmail = $"compta{i}@kill.test", CreatedAt = now };
            db.Companies.Add(company);
            db.Charges.Add(Charge(null, company.Id, "Domiciliation", 2_500 + i));
            if (i % 2 == 0)
            {
                db.Charges.Add(Charge(null, company.Id, "Salle de réunion", 4_000));
            }
            for (var k = 0; k < (i % 12 == 0 ? 2 : 0); k++)
            {
                var employee = new Member("Salarié", $"{i}-{k}", TestApp.NewEmail("run-kill"), MemberCategory.Freelancer, lyon);
                employee.JoinCompany(company.Id, billedToCompany: true, isCompanyAdmin: false);
                db.Members.Add(employee);
                db.Charges.Add(Charge(employee.Id, company.Id, "Forfait temps plein", 29_000));
            }
        }
        for (var i = 0; i < 10; i++)
        {
            var member = new Member("Membre", $"{i}", TestApp.NewEmail("run-kill"), MemberCategory.Freelancer, lyon);
            db.Members.Add(member);
            db.Charges.Add(Charge(member.Id, null, "Forfait mi-temps", 17_000));
        }
        await db.SaveChangesAsync();
    }

    private static async Task<BillingRun> RunAsync(ScratchDatabase scratch, Guid run)
    {
        await using var db = scratch.NewDb();
        return await db.BillingRuns.AsNoTracking().SingleAsync(r => r.Id == run);
    }

    /// Polls the run in the database until the condition holds (the app's worker moves it); a failed run fails the test.
    private static async Task UntilAsync(ScratchDatabase scratch, Guid run, Func<BillingRun, bool> condition)
    {
        var state = await RunAsync(scratch, run);
        for (var i = 0; i < 6_000 && !condition(state); i++)
        {
            state.Status.ShouldNotBe(BillingRunStatus.Failed, state.Error);
            await Task.Delay(20);
            state = await RunAsync(scratch, run);
        }
        condition(state).ShouldBeTrue($"The run is {state.Status}, {state.CustomersDone}/{state.CustomersTotal} drafted, {state.InvoicesIssued} issued.");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class BillingRunKillTests_Sqlite(SqliteTestApp app) : BillingRunKillTests(app);

[Collection(PostgresCollection.Name)]
public sealed class BillingRunKillTests_Postgres(PostgresTestApp app) : BillingRunKillTests(app);
