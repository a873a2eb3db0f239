using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Modules.Billing;
using Cotravail.Modules.Members;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Modules.Billing;

/// Billing runs on both engines: one draft per payer (a company's with a line per member), no invoice of 0,
/// a re-run that bills nothing twice, progress batch after batch, a stopped run resumed, and issuing.
/// Each test bills its own month of 2032, and looks only at its own payers (a month may also bill other
/// tests' open-ended assignments).
public abstract class BillingRunTests(TestApp app)
{
    private static readonly DateTime Now = new(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task A_run_drafts_one_invoice_per_payer_skips_zero_customers_and_a_rerun_bills_nothing_twice()
    {
        var world = await BillingWorld.CreateAsync(app);
        var free = await MemberAsync(world, "Gratuite");
        using var manager = await world.ManagerAsync();
        await ChargeAsync(manager, world, world.MemberId, "Clé de casier", 2, 5m, "2032-01-04");
        await ChargeAsync(manager, world, world.MemberId, "Impression", 10, 0.2m, "2032-01-20");
        await ChargeAsync(manager, world, world.Team[1], "Salle", 1, 30m, "2032-01-05");
        await ChargeAsync(manager, world, world.Team[2], "Salle", 1, 40m, "2032-01-06");
        await ChargeAsync(manager, world, free, "Café offert", 1, 0m, "2032-01-07");
        using var admin = await AdminAsync();

        var run = await StartAsync(admin, "2032-01");
        var done = await WaitAsync(admin, run, "Drafted");

        var drafts = await DraftsAsync("2032-01");
        var member = drafts.Single(d => d.SourceKey == $"run:2032-01:{world.MemberId}");
        member.MemberId.ShouldBe(world.MemberId);
        member.CompanyId.ShouldBeNull();
        member.Lines.Count.ShouldBe(2);
        member.NetTotalCents.ShouldBe(1_200);
        (member.PeriodStart, member.PeriodEnd).ShouldBe((new DateOnly(2032, 1, 1), new DateOnly(2032, 1, 31)));
        var company = drafts.Single(d => d.SourceKey == $"run:2032-01:{world.CompanyId}");
        company.CompanyId.ShouldBe(world.CompanyId);
        company.BuyerName.ShouldBe("Atelier Numérique SARL");
        company.Lines.Select(l => l.MemberId).ShouldBe([world.Team[1], world.Team[2]]);
        company.Lines.ShouldAllBe(l => l.Description.StartsWith("Télé Travailleur"));
        company.GrossTotalCents.ShouldBe(8_400);
        drafts.ShouldNotContain(d => d.SourceKey == $"run:2032-01:{free}");
        // Run drafts (written in multi-row statements) and a draft made by hand both belong to the one seller
        // whose counters number them, so the unique numbering index compares them all.
        var byHand = await world.DraftAsync(manager);
        var sellers = await app.WithDbAsync(db => db.Invoices.AsNoTracking().Where(i => i.SourceKey!.StartsWith("run:2032-01:") || i.Id == byHand)
            .Select(i => EF.Property<int>(i, "SellerId")).Distinct().ToListAsync());
        sellers.ShouldBe([BillingTerms.SellerId]);
        (await app.WithDbAsync(db => db.BillingRuns.AsNoTracking().Where(r => r.Id == run).Select(r => EF.Property<int>(r, "SellerId")).SingleAsync()))
            .ShouldBe(BillingTerms.SellerId);
        var charges = await app.WithDbAsync(db => db.Charges.AsNoTracking().Where(c => c.SourcePeriod == "2032-01").ToListAsync());
        charges.Single(c => c.MemberId == free).InvoiceLineId.ShouldBeNull("a customer of 0 gets no invoice; the charge stays pending");
        charges.Where(c => c.MemberId == world.MemberId || c.CompanyId == world.CompanyId).ShouldAllBe(c => c.InvoiceLineId != null);
        var pending = await manager.GetFromJsonAsync<JsonElement>($"/api/v1/charges?period=2032-01&pending=true&locationId={world.Location}");
        pending.EnumerateArray().Select(c => c.GetProperty("memberId").GetGuid()).ShouldBe([free]);
        done.GetProperty("draftsCreated").GetInt32().ShouldBe(drafts.Count);
        done.GetProperty("customersSkipped").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        done.GetProperty("customersDone").GetInt32().ShouldBe(done.GetProperty("customersTotal").GetInt32());

        // The same month again: the first run cancelled, a new one finds every payer drafted already.
        await app.WithDbAsync(async db =>
        {
            (await db.BillingRuns.SingleAsync(r => r.Id == run)).Cancel(Now);
            await db.SaveChangesAsync();
        });
        var again = await WaitAsync(admin, await StartAsync(admin, "2032-01"), "Drafted");

        again.GetProperty("draftsCreated").GetInt32().ShouldBe(0);
        (await DraftsAsync("2032-01")).Count.ShouldBe(drafts.Count);
        var lines = await app.WithDbAsync(db => db.InvoiceLines.AsNoTracking().Where(l => l.ChargeId != null).Select(l => l.ChargeId).ToListAsync());
        lines.Count.ShouldBe(lines.Distinct().Count());
    }

    [Fact]
    public async Task A_run_reports_its_progress_batch_by_batch_and_a_stopped_run_resumed_drafts_the_same_invoices()
    {
        var world = await BillingWorld.CreateAsync(app);
        var payers = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            payers.Add(await MemberAsync(world, $"Lot {i}"));
        }
        await AddChargesAsync(world, payers, "2032-02");
        await AddChargesAsync(world, payers, "2032-03");

        // Uninterrupted, two payers per batch: the counts grow after every batch and it ends Drafted.
        var whole = await NewRunAsync("2032-02");
        var done = new List<int>();
        while (await StepAsync(whole, batchSize: 2))
        {
            done.Add((await RunAsync(whole)).CustomersDone);
        }
        var finished = await RunAsync(whole);
        finished.Status.ShouldBe(BillingRunStatus.Drafted);
        done.Count.ShouldBeGreaterThanOrEqualTo(3);
        done.Skip(1).Zip(done).ShouldAllBe(p => p.First > p.Second || p.First == finished.CustomersTotal);
        finished.CustomersDone.ShouldBe(finished.CustomersTotal);

        // Stopped after one batch (as if the process died), then resumed through the API: the worker finishes it.
        var stopped = await NewRunAsync("2032-03");
        (await StepAsync(stopped, batchSize: 2)).ShouldBeTrue(); // collected
        (await StepAsync(stopped, batchSize: 2)).ShouldBeTrue(); // first batch drafted
        (await RunAsync(stopped)).CustomersDone.ShouldBe(2);
        using var admin = await AdminAsync();
        using (var resume = await admin.PostAsync($"/api/v1/billing/runs/{stopped}/resume", null))
        {
            resume.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        }
        var resumed = await WaitAsync(admin, stopped, "Drafted");

        resumed.GetProperty("customersDone").GetInt32().ShouldBe(resumed.GetProperty("customersTotal").GetInt32());
        var a = await DraftsAsync("2032-02");
        var b = await DraftsAsync("2032-03");
        Shape(a, "2032-02", payers).ShouldBe(Shape(b, "2032-03", payers));
        Shape(b, "2032-03", payers).Select(s => s.Gross).ShouldBe([1_200, 2_400, 3_600, 4_800, 6_000]);
        b.Count.ShouldBe(resumed.GetProperty("draftsCreated").GetInt32());
    }

    [Fact]
    public async Task Issuing_a_run_numbers_its_drafts_one_after_the_other_and_keeps_the_chain_intact()
    {
        var world = await BillingWorld.CreateAsync(app);
        using var admin = await AdminAsync();
        using var manager = await world.ManagerAsync();
        var companies = new List<Guid> { world.CompanyId };
        for (var i = 0; i < 2; i++)
        {
            using var created = await admin.PostAsJsonAsync("/api/v1/companies", TestData.Company(TestData.NewSiren()));
            companies.Add((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        }
        foreach (var company in companies)
        {
            using var response = await manager.PostAsJsonAsync("/api/v1/charges", new
            {
                locationId = world.Location, companyId = company, description = "Domiciliation", quantity = 1, unitPrice = 25m, vatPercent = 20, date = "2032-04-02",
            });
            response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        }
        var run = await StartAsync(admin, "2032-04");
        await WaitAsync(admin, run, "Drafted");

        using (var issue = await admin.PostAsync($"/api/v1/billing/runs/{run}/issue", null))
        {
            issue.StatusCode.ShouldBe(HttpStatusCode.Accepted, await issue.Content.ReadAsStringAsync());
        }
        var done = await WaitAsync(admin, run, "Done");

        var invoices = await app.WithDbAsync(db => db.Invoices.AsNoTracking().Where(i => i.SourceKey!.StartsWith("run:2032-04:") && i.Status == InvoiceStatus.Issued)
            .OrderBy(i => i.Sequence).ToListAsync());
        companies.ShouldAllBe(c => invoices.Any(i => i.CompanyId == c));
        var sequences = invoices.Select(i => i.Sequence!.Value).ToList();
        sequences.ShouldBe(Enumerable.Range(0, sequences.Count).Select(k => sequences[0] + k), "consecutive numbers");
        done.GetProperty("invoicesIssued").GetInt32().ShouldBe(invoices.Count);
        var chain = await app.WithDbAsync(db => VerifyChain.HandleAsync(db, CancellationToken.None));
        chain.Intact.ShouldBeTrue(chain.FirstBroken?.Reason);
        // A charge billed on an issued invoice is sealed with it: the database refuses to change or delete it.
        var billed = await app.WithDbAsync(db => db.Charges.AsNoTracking().Where(c => c.SourcePeriod == "2032-04" && c.CompanyId == world.CompanyId).Select(c => c.Id).SingleAsync());
        await Should.ThrowAsync<Exception>(() => app.WithDbAsync(db => db.Charges.Where(c => c.Id == billed).ExecuteUpdateAsync(u => u.SetProperty(c => c.UnitPriceCents, 1))));
        await Should.ThrowAsync<Exception>(() => app.WithDbAsync(db => db.Charges.Where(c => c.Id == billed).ExecuteDeleteAsync()));
    }

    [Fact]
    public async Task A_worker_starting_takes_back_an_unfinished_run_and_stops_with_its_host()
    {
        var world = await BillingWorld.CreateAsync(app);
        var payers = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            payers.Add(await MemberAsync(world, $"Reprise {i}"));
        }
        await AddChargesAsync(world, payers, "2032-06");
        var run = await NewRunAsync("2032-06");
        (await StepAsync(run, batchSize: 1)).ShouldBeTrue(); // collected
        (await StepAsync(run, batchSize: 1)).ShouldBeTrue(); // one payer drafted, then the process "died"

        // A fresh worker, as on the next start of the application: it looks for unfinished runs first.
        using var worker = new BillingRunWorker(app.Services.GetRequiredService<IServiceScopeFactory>(), new BillingRunQueue(),
            Microsoft.Extensions.Options.Options.Create(new BillingRunOptions { BatchSize = 1 }), Microsoft.Extensions.Logging.Abstractions.NullLogger<BillingRunWorker>.Instance);
        await worker.StartAsync(CancellationToken.None);
        var finished = await RunAsync(run);
        for (var i = 0; i < 600 && finished.Status != BillingRunStatus.Drafted; i++)
        {
            await Task.Delay(100);
            finished = await RunAsync(run);
        }
        await worker.StopAsync(CancellationToken.None);

        finished.Status.ShouldBe(BillingRunStatus.Drafted);
        finished.CustomersDone.ShouldBe(finished.CustomersTotal);
        Shape(await DraftsAsync("2032-06"), "2032-06", payers).Select(s => s.Gross).ShouldBe([1_200, 2_400, 3_600]);
    }

    [Fact]
    public async Task A_run_of_a_month_that_is_not_one_is_refused_naming_period_and_a_month_is_run_once()
    {
        using var admin = await AdminAsync();

        using var bad = await admin.PostAsJsonAsync("/api/v1/billing/runs", new { period = "2032-13" });
        using var worse = await admin.PostAsJsonAsync("/api/v1/billing/runs", new { period = "novembre" });
        var run = await StartAsync(admin, "2032-05");
        using var twice = await admin.PostAsJsonAsync("/api/v1/billing/runs", new { period = "2032-05" });

        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("period", out _).ShouldBeTrue();
        worse.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        twice.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        await WaitAsync(admin, run, "Drafted");
    }

    private static List<(int Lines, long Gross)> Shape(List<Invoice> drafts, string period, List<Guid> payers) =>
        [.. payers.Select(p => drafts.Single(d => d.SourceKey == $"run:{period}:{p}")).Select(d => (d.Lines.Count, d.GrossTotalCents))];

    /// Payer i gets i + 1 charges of 10 € excl. VAT at 20 %.
    private Task AddChargesAsync(BillingWorld world, List<Guid> payers, string period) => app.WithDbAsync(async db =>
    {
        for (var i = 0; i < payers.Count; i++)
        {
            for (var k = 0; k <= i; k++)
            {
                db.Add(new Charge(world.Location, payers[i], null, ChargeSource.Manual, null, period, $"Pass {k}", 1, 1_000, 20_000, "EUR",
                    new DateOnly(int.Parse(period[..4]), int.Parse(period[5..]), k + 1), null, Now));
            }
        }
        await db.SaveChangesAsync();
    });

    private async Task<Guid> NewRunAsync(string period)
    {
        var run = new BillingRun(period, Guid.NewGuid(), Now);
        await app.WithDbAsync(async db =>
        {
            db.Add(run);
            await db.SaveChangesAsync();
        });
        return run.Id;
    }

    private async Task<bool> StepAsync(Guid run, int batchSize)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BillingRunSteps>().StepAsync(run, batchSize, CancellationToken.None);
    }

    private Task<BillingRun> RunAsync(Guid id) => app.WithDbAsync(db => db.BillingRuns.AsNoTracking().SingleAsync(r => r.Id == id));

    private Task<List<Invoice>> DraftsAsync(string period) => app.WithDbAsync(db =>
        db.Invoices.AsNoTracking().Include(i => i.Lines.OrderBy(l => l.Position)).Where(i => i.SourceKey!.StartsWith($"run:{period}:")).ToListAsync());

    private Task<Guid> MemberAsync(BillingWorld world, string name) => app.WithDbAsync(async db =>
    {
        var member = new Member("Client", name, TestApp.NewEmail("run-member"), MemberCategory.Freelancer, world.Location);
        db.Members.Add(member);
        await db.SaveChangesAsync();
        return member.Id;
    });

    private static async Task ChargeAsync(HttpClient manager, BillingWorld world, Guid member, string description, decimal quantity, decimal price, string date)
    {
        using var response = await manager.PostAsJsonAsync("/api/v1/charges", new
        {
            locationId = world.Location, memberId = member, description, quantity, unitPrice = price, vatPercent = 20, date,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private async Task<HttpClient> AdminAsync()
    {
        var email = TestApp.NewEmail("run-admin");
        await app.CreateUserAsync(email, networkAdmin: true);
        return await app.ClientForAsync(email);
    }

    internal static async Task<Guid> StartAsync(HttpClient admin, string period)
    {
        using var response = await admin.PostAsJsonAsync("/api/v1/billing/runs", new { period });
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, json.ToString());
        return json.GetProperty("id").GetGuid();
    }

    /// Polls the run until it reaches the status (the worker runs in the background).
    internal static async Task<JsonElement> WaitAsync(HttpClient admin, Guid run, string status)
    {
        var json = default(JsonElement);
        for (var i = 0; i < 600; i++)
        {
            json = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/billing/runs/{run}");
            var now = json.GetProperty("status").GetString();
            if (now == status)
            {
                return json;
            }
            now.ShouldNotBe("Failed", json.ToString());
            await Task.Delay(100);
        }
        throw new TimeoutException($"Run {run} is still {json}");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class BillingRunTests_Sqlite(SqliteTestApp app) : BillingRunTests(app);

[Collection(PostgresCollection.Name)]
public sealed class BillingRunTests_Postgres(PostgresTestApp app) : BillingRunTests(app);
