using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Common.Database;
using Cotravail.Modules.Billing;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Modules.Billing;

/// Issuing on both engines: gapless numbers under concurrency, dates that never go back, a failure
/// after the number is taken, and the seller's identity and the totals sealed in the document.
public abstract class IssuingTests(TestApp app)
{
    [Fact]
    public async Task Issuing_numbers_dates_seals_and_emails_a_draft_with_its_totals_by_rate()
    {
        var world = await BillingWorld.CreateAsync(app);
        using var manager = await world.ManagerAsync();
        var id = await world.DraftAsync(manager, world.Draft(("Pass journée", 3, 24.99m, 20), ("Café", 7, 1.15m, 5.5m), ("Impression", 1, 0.33m, 20)));

        var issued = await world.IssueAsync(manager, id);

        issued.GetProperty("number").GetString()!.ShouldMatch("^F-[0-9]{6}$");
        issued.GetProperty("status").GetString().ShouldBe("Issued");
        issued.GetProperty("state").GetString().ShouldBe("Unpaid");
        // 3 × 24.99 + 0.33 = 75.30 at 20 % → 15.06; 7 × 1.15 = 8.05 at 5.5 % → 0.44275 → 0.44.
        issued.GetProperty("totalExcludingVat").GetDecimal().ShouldBe(83.35m);
        issued.GetProperty("totalVat").GetDecimal().ShouldBe(15.50m);
        issued.GetProperty("totalIncludingVat").GetDecimal().ShouldBe(98.85m);
        issued.GetProperty("vat").EnumerateArray().Select(v => (v.GetProperty("vatPercent").GetDecimal(), v.GetProperty("vat").GetDecimal()))
            .ShouldBe([(20m, 15.06m), (5.5m, 0.44m)]);
        issued.GetProperty("footprint").GetString()!.Length.ShouldBe(64);
        var stored = await app.WithDbAsync(db => db.Invoices.AsNoTracking().SingleAsync(i => i.Id == id));
        stored.Seller!.LegalName.ShouldNotBeNullOrWhiteSpace();
        stored.Seller.Siren.ShouldNotBeNull();
        stored.IssueDate.ShouldNotBeNull();
        stored.DueDate.ShouldBe(stored.IssueDate!.Value.AddDays(30));
        stored.BuyerName.ShouldBe("Camille Facturée");
        (await app.WithDbAsync(db => db.Outbox.CountAsync(m => m.To == world.MemberEmail && m.Subject.Contains(stored.Number!)))).ShouldBe(1);
    }

    [Fact]
    public async Task Fifty_parallel_issues_take_the_next_fifty_numbers_with_no_gap_and_dates_that_never_go_back()
    {
        var world = await BillingWorld.CreateAsync(app);
        using var manager = await world.ManagerAsync();
        var drafts = new List<Guid>();
        for (var i = 0; i < 50; i++)
        {
            drafts.Add(await world.DraftAsync(manager));
        }
        var before = await LastNumberAsync();

        var answers = await Task.WhenAll(drafts.Select(async id =>
        {
            using var response = await manager.PostAsync($"/api/v1/invoices/{id}/issue", null);
            return response.StatusCode;
        }));

        answers.ShouldAllBe(s => s == HttpStatusCode.OK);
        var issued = await app.WithDbAsync(db => db.Invoices.AsNoTracking().Where(i => drafts.Contains(i.Id)).OrderBy(i => i.Sequence)
            .Select(i => new { i.Sequence, i.IssueDate, i.ChainIndex }).ToListAsync());
        issued.Select(i => i.Sequence!.Value).ShouldBe(Enumerable.Range(1, 50).Select(n => before + n));
        issued.Select(i => i.IssueDate!.Value).ShouldBeInOrder(SortDirection.Ascending);
        issued.Select(i => i.ChainIndex!.Value).ShouldBeInOrder(SortDirection.Ascending);
        (await LastNumberAsync()).ShouldBe(before + 50);
        var chain = await (await world.ManagerAsync()).GetFromJsonAsync<JsonElement>("/api/v1/billing/chain");
        chain.GetProperty("intact").GetBoolean().ShouldBeTrue(chain.ToString());
    }

    [Fact]
    public async Task A_failure_after_the_number_is_taken_gives_the_number_back()
    {
        var world = await BillingWorld.CreateAsync(app);
        using var manager = await world.ManagerAsync();
        var doomed = await world.DraftAsync(manager, world.Draft(("Échec injecté", 1, 10, 20)));
        await app.WithDbAsync(db => db.Invoices.Where(i => i.Id == doomed).ExecuteUpdateAsync(s => s.SetProperty(i => i.Note, "fail-on-issue")));
        var next = await world.DraftAsync(manager);
        var before = await LastNumberAsync();
        // A real database failure at the last statement of the transaction, after the counter and the chain moved.
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(app.Engine == DatabaseEngine.Postgres
            ? """
              CREATE OR REPLACE FUNCTION test_fail_on_issue() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$;
              CREATE TRIGGER "TR_Test_FailOnIssue" BEFORE UPDATE ON "Invoices" FOR EACH ROW WHEN (NEW."Note" = 'fail-on-issue' AND NEW."Status" = 'Issued') EXECUTE FUNCTION test_fail_on_issue();
              """
            : """CREATE TRIGGER "TR_Test_FailOnIssue" BEFORE UPDATE ON "Invoices" WHEN NEW."Note" = 'fail-on-issue' AND NEW."Status" = 'Issued' BEGIN SELECT RAISE(ABORT, 'injected failure'); END;"""));
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            var issue = scope.ServiceProvider.GetRequiredService<IssueInvoice>();
            await Should.ThrowAsync<DbUpdateException>(() => issue.IssueAsync(doomed, Guid.NewGuid(), CancellationToken.None));
        }
        finally
        {
            var drop = app.Engine == DatabaseEngine.Postgres ? """DROP TRIGGER "TR_Test_FailOnIssue" ON "Invoices";""" : """DROP TRIGGER "TR_Test_FailOnIssue";""";
            await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(drop));
        }

        (await LastNumberAsync()).ShouldBe(before);
        var issued = await world.IssueAsync(manager, next);
        (await app.WithDbAsync(db => db.Invoices.Where(i => i.Id == next).Select(i => i.Sequence).SingleAsync())).ShouldBe(before + 1);
        issued.GetProperty("number").GetString().ShouldBe($"F-{before + 1:D6}");
        (await app.WithDbAsync(db => db.Invoices.Where(i => i.Id == doomed).Select(i => i.Status).SingleAsync())).ShouldBe(InvoiceStatus.Draft);
    }

    [Fact]
    public async Task An_invoice_is_refused_without_lines_worth_something_or_without_the_buyer_address()
    {
        var world = await BillingWorld.CreateAsync(app);
        using var manager = await world.ManagerAsync();
        var zero = await world.DraftAsync(manager, world.Draft(("Visite offerte", 1, 0, 20)));
        using var refused = await manager.PostAsync($"/api/v1/invoices/{zero}/issue", null);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("lines", out _).ShouldBeTrue();

        var noAddress = await world.DraftAsync(manager, new { locationId = world.Location, memberId = world.MemberId, lines = new[] { new { description = "Pass", quantity = 1, unitPrice = 20, vatPercent = 20 } } });
        using var incomplete = await manager.PostAsync($"/api/v1/invoices/{noAddress}/issue", null);
        incomplete.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await incomplete.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("buyerStreet", out _).ShouldBeTrue();
        (await app.WithDbAsync(db => db.Invoices.CountAsync(i => (i.Id == zero || i.Id == noAddress) && i.Status == InvoiceStatus.Issued))).ShouldBe(0);
    }

    private Task<long> LastNumberAsync() => app.WithDbAsync(async db =>
        await db.Set<InvoiceCounter>().Where(c => c.Series == InvoiceSeries.Invoices).Select(c => (long?)c.LastNumber).FirstOrDefaultAsync() ?? 0);
}

[Collection(SqliteCollection.Name)]
public sealed class IssuingTests_Sqlite(SqliteTestApp app) : IssuingTests(app);

[Collection(PostgresCollection.Name)]
public sealed class IssuingTests_Postgres(PostgresTestApp app) : IssuingTests(app);
