using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Modules.Locations;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Modules.Billing;

/// Credit notes reverse an invoice's lines at its own prices and VAT rates, in their own series and in
/// the same chain; a line is never credited twice; payments make an invoice partly paid, then paid.
public abstract class CreditNotesTests(TestApp app)
{
    [Fact]
    public async Task A_full_credit_note_reverses_every_line_and_the_VAT_exactly()
    {
        var world = await BillingWorld.CreateAsync(app);
        using var manager = await world.ManagerAsync();
        var id = await world.DraftAsync(manager, world.Draft(("Salle Rhône, 3 h", 3, 33.33m, 20), ("Déjeuner", 2, 12.5m, 10), ("Boissons", 3, 0.99m, 5.5m)));
        var invoice = await world.IssueAsync(manager, id);

        var note = await CreditAsync(manager, id, new { reason = "Annulation" });
        var issued = await world.IssueAsync(manager, note);

        issued.GetProperty("kind").GetString().ShouldBe("CreditNote");
        issued.GetProperty("number").GetString()!.ShouldMatch("^AV-[0-9]{6}$");
        issued.GetProperty("correctsNumber").GetString().ShouldBe(invoice.GetProperty("number").GetString());
        issued.GetProperty("note").GetString().ShouldBe("Annulation");
        foreach (var total in new[] { "totalExcludingVat", "totalVat", "totalIncludingVat" })
        {
            issued.GetProperty(total).GetDecimal().ShouldBe(invoice.GetProperty(total).GetDecimal(), total);
        }
        issued.GetProperty("vat").ToString().ShouldBe(invoice.GetProperty("vat").ToString());
        var after = await manager.GetFromJsonAsync<JsonElement>($"/api/v1/invoices/{id}");
        after.GetProperty("state").GetString().ShouldBe("Credited");
        after.GetProperty("due").GetDecimal().ShouldBe(0);
        using var twice = await manager.PostAsJsonAsync($"/api/v1/invoices/{id}/credit-notes", new { });
        twice.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_credit_note_for_one_line_keeps_the_invoice_rate_after_the_location_changed_its_rates_and_never_credits_twice()
    {
        var world = await BillingWorld.CreateAsync(app);
        using var manager = await world.ManagerAsync();
        var id = await world.DraftAsync(manager, world.Draft(("Pass journée", 2, 25, 20), ("Livre", 1, 18, 5.5m)));
        var invoice = await world.IssueAsync(manager, id);
        var book = invoice.GetProperty("lines")[1].GetProperty("id").GetGuid();
        await app.WithDbAsync(async db =>
        {
            var place = await db.Locations.FirstAsync(l => l.Id == world.Location);
            place.SetVatRates([new VatRate("Normal", 20_000)]);
            await db.SaveChangesAsync();
        });

        var note = await CreditAsync(manager, id, new { lines = new[] { new { lineId = book, quantity = 1 } } });
        var issued = await world.IssueAsync(manager, note);

        issued.GetProperty("lines").GetArrayLength().ShouldBe(1);
        issued.GetProperty("lines")[0].GetProperty("vatPercent").GetDecimal().ShouldBe(5.5m);
        issued.GetProperty("lines")[0].GetProperty("creditsLineId").GetGuid().ShouldBe(book);
        issued.GetProperty("totalIncludingVat").GetDecimal().ShouldBe(18.99m);
        var after = await manager.GetFromJsonAsync<JsonElement>($"/api/v1/invoices/{id}");
        after.GetProperty("due").GetDecimal().ShouldBe(60m);
        after.GetProperty("creditNoteIds").EnumerateArray().Select(e => e.GetGuid()).ShouldBe([note]);

        using var again = await manager.PostAsJsonAsync($"/api/v1/invoices/{id}/credit-notes", new { lines = new[] { new { lineId = book, quantity = 1 } } });
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("lines[0].quantity", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Two_drafts_crediting_the_same_line_cannot_both_be_issued()
    {
        var world = await BillingWorld.CreateAsync(app);
        using var manager = await world.ManagerAsync();
        var id = await world.DraftAsync(manager);
        await world.IssueAsync(manager, id);
        var first = await CreditAsync(manager, id, new { });
        var second = await CreditAsync(manager, id, new { });

        var answers = await Task.WhenAll(new[] { first, second }.Select(async n =>
        {
            using var response = await manager.PostAsync($"/api/v1/invoices/{n}/issue", null);
            return response.StatusCode;
        }));

        answers.Order().ShouldBe([HttpStatusCode.OK, HttpStatusCode.BadRequest]);
        (await manager.GetFromJsonAsync<JsonElement>($"/api/v1/invoices/{id}")).GetProperty("due").GetDecimal().ShouldBe(0);
    }

    [Fact]
    public async Task Payments_make_an_invoice_partly_paid_then_paid_and_never_more()
    {
        var world = await BillingWorld.CreateAsync(app);
        using var manager = await world.ManagerAsync();
        var id = await world.DraftAsync(manager);
        await world.IssueAsync(manager, id); // 2 × 25 € + 20 % = 60 €

        var partly = await PayAsync(manager, id, new { amount = 20, method = "Transfer", reference = "VIR 123" });
        partly.GetProperty("state").GetString().ShouldBe("PartlyPaid");
        partly.GetProperty("due").GetDecimal().ShouldBe(40);
        using var tooMuch = await manager.PostAsJsonAsync($"/api/v1/invoices/{id}/payments", new { amount = 40.01, method = "Card" });
        tooMuch.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await tooMuch.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("amount", out _).ShouldBeTrue();
        using var future = await manager.PostAsJsonAsync($"/api/v1/invoices/{id}/payments", new { amount = 1, method = "Cash", receivedOn = "2999-01-01" });
        future.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var paid = await PayAsync(manager, id, new { amount = 40, method = "Cheque" });
        paid.GetProperty("state").GetString().ShouldBe("Paid");
        using var refundTooLarge = await manager.PostAsJsonAsync($"/api/v1/invoices/{id}/payments", new { amount = -60.01, method = "Transfer" });
        refundTooLarge.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var listed = await manager.GetFromJsonAsync<JsonElement>($"/api/v1/invoices?locationId={world.Location}&state=Paid");
        listed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ShouldContain(id);
    }

    [Fact]
    public async Task Concurrent_payments_never_pay_more_than_the_invoice()
    {
        var world = await BillingWorld.CreateAsync(app);
        using var manager = await world.ManagerAsync();
        var id = await world.DraftAsync(manager);
        await world.IssueAsync(manager, id); // 60 €

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
        {
            using var response = await manager.PostAsJsonAsync($"/api/v1/invoices/{id}/payments", new { amount = 25, method = "Card" });
            return response.StatusCode;
        }));

        answers.Count(a => a == HttpStatusCode.OK).ShouldBe(2);
        answers.Count(a => a == HttpStatusCode.BadRequest).ShouldBe(8);
        (await manager.GetFromJsonAsync<JsonElement>($"/api/v1/invoices/{id}")).GetProperty("paid").GetDecimal().ShouldBe(50);
    }

    private static async Task<Guid> CreditAsync(HttpClient manager, Guid invoice, object body)
    {
        using var response = await manager.PostAsJsonAsync($"/api/v1/invoices/{invoice}/credit-notes", body);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, json.ToString());
        return json.GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> PayAsync(HttpClient manager, Guid invoice, object body)
    {
        using var response = await manager.PostAsJsonAsync($"/api/v1/invoices/{invoice}/payments", body);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, json.ToString());
        return json;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CreditNotesTests_Sqlite(SqliteTestApp app) : CreditNotesTests(app);

[Collection(PostgresCollection.Name)]
public sealed class CreditNotesTests_Postgres(PostgresTestApp app) : CreditNotesTests(app);
