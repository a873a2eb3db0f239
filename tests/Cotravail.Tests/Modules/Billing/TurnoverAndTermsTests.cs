using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cotravail.Modules.Billing;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Modules.Billing;

/// Turnover is invoices minus credit notes of the period, on screen (API) and as CSV; the invoicing
/// terms are the network admin's and print on documents issued after they change, never before.
public abstract class TurnoverAndTermsTests(TestApp app)
{
    [Fact]
    public async Task Turnover_is_invoices_minus_credit_notes_per_rate_and_the_CSV_lists_credit_notes_negative()
    {
        var world = await BillingWorld.CreateAsync(app);
        using var manager = await world.ManagerAsync();
        var first = await world.DraftAsync(manager, world.Draft(("Forfait", 1, 300, 20), ("Livre", 2, 10, 5.5m)));
        var firstIssued = await world.IssueAsync(manager, first);
        await world.IssueAsync(manager, await world.DraftAsync(manager, world.Draft(("Pass", 4, 25, 20))));
        using (var credit = await manager.PostAsJsonAsync($"/api/v1/invoices/{first}/credit-notes",
            new { lines = new[] { new { lineId = firstIssued.GetProperty("lines")[1].GetProperty("id").GetGuid(), quantity = 1 } } }))
        {
            var note = (await credit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            await world.IssueAsync(manager, note);
        }
        var today = firstIssued.GetProperty("issueDate").GetString();

        var report = await manager.GetFromJsonAsync<JsonElement>($"/api/v1/billing/turnover?from={today}&to={today}&locationId={world.Location}");

        var eur = report.GetProperty("totals").EnumerateArray().Single();
        eur.GetProperty("invoices").GetInt32().ShouldBe(2);
        eur.GetProperty("creditNotes").GetInt32().ShouldBe(1);
        eur.GetProperty("totalExcludingVat").GetDecimal().ShouldBe(300 + 20 + 100 - 10);
        eur.GetProperty("totalVat").GetDecimal().ShouldBe(60 + 1.10m + 20 - 0.55m);
        eur.GetProperty("perRate").EnumerateArray().Select(r => (r.GetProperty("vatPercent").GetDecimal(), r.GetProperty("taxable").GetDecimal()))
            .ShouldBe([(20m, 400m), (5.5m, 10m)]);

        using var csv = await manager.GetAsync($"/api/v1/billing/turnover.csv?from={today}&to={today}&locationId={world.Location}");
        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(4);
        lines.ShouldContain(l => l.StartsWith("AV-", StringComparison.Ordinal) && l.Contains("-10,00", StringComparison.Ordinal));

        using var backwards = await manager.GetAsync($"/api/v1/billing/turnover?from=2026-12-31&to=2026-01-01");
        backwards.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await backwards.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("to", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task New_terms_print_on_documents_issued_after_them_and_bad_terms_are_refused_by_field()
    {
        var world = await BillingWorld.CreateAsync(app);
        using var manager = await world.ManagerAsync();
        var admin = TestApp.NewEmail("terms-admin");
        await app.CreateUserAsync(admin, networkAdmin: true);
        using var api = await app.ClientForAsync(admin);
        var before = await world.DraftAsync(manager);
        await world.IssueAsync(manager, before);
        var original = await api.GetFromJsonAsync<JsonElement>("/api/v1/billing/terms");
        try
        {
            using var bad = await api.PutAsJsonAsync("/api/v1/billing/terms", new { paymentDays = 90, latePenaltyPercent = 12 });
            bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("paymentDays", out _).ShouldBeTrue();
            using var good = await api.PutAsJsonAsync("/api/v1/billing/terms",
                new { paymentDays = 15, latePenaltyPercent = 10, earlyPaymentDiscount = "2 % à 8 jours", paymentTerms = "Virement IBAN FR76 0000", vatOnDebits = true });
            good.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await manager.PutAsJsonAsync("/api/v1/billing/terms", new { paymentDays = 15 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

            var after = await world.DraftAsync(manager);
            await world.IssueAsync(manager, after);

            var (old, fresh) = await app.WithDbAsync(async db => (
                await db.Invoices.AsNoTracking().SingleAsync(i => i.Id == before), await db.Invoices.AsNoTracking().SingleAsync(i => i.Id == after)));
            old.Seller!.VatOnDebits.ShouldBeFalse();
            old.DueDate.ShouldBe(old.IssueDate!.Value.AddDays(original.GetProperty("paymentDays").GetInt32()));
            fresh.DueDate.ShouldBe(fresh.IssueDate!.Value.AddDays(15));
            fresh.Seller!.VatOnDebits.ShouldBeTrue();
            fresh.Seller.LatePenaltyMilliPercent.ShouldBe(10_000);
            fresh.Seller.EarlyPaymentDiscount.ShouldBe("2 % à 8 jours");
            fresh.Seller.PaymentTerms.ShouldBe("Virement IBAN FR76 0000");
        }
        finally
        {
            (await api.PutAsJsonAsync("/api/v1/billing/terms", original)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class TurnoverAndTermsTests_Sqlite(SqliteTestApp app) : TurnoverAndTermsTests(app);

[Collection(PostgresCollection.Name)]
public sealed class TurnoverAndTermsTests_Postgres(PostgresTestApp app) : TurnoverAndTermsTests(app);
