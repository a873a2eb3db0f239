using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Modules.Billing;
using Cotravail.Modules.Members;
using Cotravail.Modules.Subscriptions;
using Cotravail.Tests.Infrastructure;
using Cotravail.Tests.Modules.Billing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Modules.Subscriptions;

/// Subscriptions billed, on both engines: a company's team of three on plans it pays gets one invoice from the
/// month's run, a line per person, and a credit note cancels one line; a member who pays buys a 10-day bundle
/// and gets an invoice issued at once, its PDF stored, its charge billed once.
public abstract class SubscriptionBillingTests(TestApp app)
{
    [Fact]
    public async Task A_company_team_of_three_gets_one_monthly_invoice_and_a_credit_note_cancels_one_line()
    {
        var world = await BillingWorld.CreateAsync(app);
        using var admin = await AdminAsync();
        var plan = await PostAsync(admin, "/api/v1/offers", new
        {
            locationId = world.Location, kind = "MonthlyPlan", nameFr = "Résident temps plein", nameEn = "Full-time resident", price = 290m, vatPercent = 20m,
            space = "OpenSpace", resourceKinds = new[] { "HotDeskZone" },
        });
        // a month of a far year that no other test bills; the plans start on its first day
        var period = new BillingPeriod(2200 + Random.Shared.Next(0, 700), 6);
        var plans = new List<Guid>();
        foreach (var member in world.Team)
        {
            var id = await PostAsync(admin, "/api/v1/subscriptions", new { offerId = plan, memberId = member });
            await app.WithDbAsync(db => db.Subscriptions.Where(s => s.Id == id).ExecuteUpdateAsync(x => x.SetProperty(s => s.StartsOn, period.First)));
            plans.Add(id);
        }
        world.Team.Count.ShouldBe(3);

        var run = await BillingRunTests.StartAsync(admin, period.ToString());
        await BillingRunTests.WaitAsync(admin, run, "Drafted");

        var key = $"run:{period}:{world.CompanyId}";
        var draft = await app.WithDbAsync(db => db.Invoices.AsNoTracking().Where(i => i.SourceKey == key).Select(i => i.Id).SingleAsync());
        using var manager = await world.ManagerAsync();
        var issued = await JsonAsync(manager.PostAsync($"/api/v1/invoices/{draft}/issue", null));
        var lines = issued.GetProperty("lines").EnumerateArray().ToList();
        lines.Count.ShouldBe(3);
        lines.Select(l => l.GetProperty("memberId").GetGuid()).ShouldBe(world.Team, ignoreOrder: true);
        issued.GetProperty("totalIncludingVat").GetDecimal().ShouldBe(1_044m); // 3 × 290 € + 20 % VAT
        issued.GetProperty("buyer").GetProperty("name").GetString().ShouldNotBeNullOrEmpty();
        (await app.WithDbAsync(db => db.Charges.CountAsync(c => plans.Contains(c.SourceId!.Value) && c.SourcePeriod == period.ToString() && c.InvoiceLineId != null))).ShouldBe(3);

        var note = await JsonAsync(manager.PostAsJsonAsync($"/api/v1/invoices/{draft}/credit-notes",
            new { reason = "Départ au 1er du mois", lines = new[] { new { lineId = lines[2].GetProperty("id").GetGuid(), quantity = 1 } } }), HttpStatusCode.Created);
        var credited = await JsonAsync(manager.PostAsync($"/api/v1/invoices/{note.GetProperty("id").GetGuid()}/issue", null));
        credited.GetProperty("totalIncludingVat").GetDecimal().ShouldBe(348m);
        credited.GetProperty("number").GetString()!.ShouldStartWith("AV");
        var after = await JsonAsync(manager.GetAsync($"/api/v1/invoices/{draft}"));
        after.GetProperty("due").GetDecimal().ShouldBe(696m);
    }

    [Fact]
    public async Task A_member_who_pays_buys_a_bundle_and_gets_its_invoice_at_once_billed_once()
    {
        var world = await BillingWorld.CreateAsync(app);
        using var admin = await AdminAsync();
        var bundle = await PostAsync(admin, "/api/v1/offers", new
        {
            locationId = world.Location, kind = "Bundle", nameFr = "Carnet 10 jours", nameEn = "10-day bundle", price = 150m, vatPercent = 20m, passCount = 10,
            validityDays = 180, resourceKinds = new[] { "HotDeskZone" },
        });
        using var member = await app.ClientForAsync(world.MemberEmail);

        // no address yet: refused before anything is written, naming the address
        using (var refused = await member.PostAsJsonAsync($"/api/v1/offers/{bundle}/buy", new { }))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("address", out _).ShouldBeTrue();
        }
        (await app.WithDbAsync(db => db.Subscriptions.CountAsync(s => s.MemberId == world.MemberId))).ShouldBe(0);
        await app.WithDbAsync(async db =>
        {
            var m = await db.Members.FirstAsync(x => x.Id == world.MemberId);
            m.MoveTo("8 rue Mercière", "69002", "Lyon", "FR");
            await db.SaveChangesAsync();
        });

        var bought = await JsonAsync(member.PostAsJsonAsync($"/api/v1/offers/{bundle}/buy", new { }), HttpStatusCode.Created);

        var invoiceId = bought.GetProperty("invoiceId").GetGuid();
        bought.GetProperty("invoiceNumber").GetString()!.ShouldStartWith("F");
        var invoice = await JsonAsync(member.GetAsync($"/api/v1/invoices/{invoiceId}"));
        invoice.GetProperty("totalIncludingVat").GetDecimal().ShouldBe(180m);
        invoice.GetProperty("buyer").GetProperty("street").GetString().ShouldBe("8 rue Mercière");
        using (var pdf = await member.GetAsync($"/api/v1/invoices/{invoiceId}/pdf"))
        {
            pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
            pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        }
        var subscription = bought.GetProperty("subscription").GetProperty("id").GetGuid();
        var charge = await app.WithDbAsync(db => db.Charges.AsNoTracking().SingleAsync(c => c.SourceId == subscription));
        charge.InvoiceLineId.ShouldNotBeNull();
        charge.Source.ShouldBe(ChargeSource.Subscription);
        // the month's collection finds the charge there already: nothing is billed twice
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CollectCharges>()
                .HandleAsync(new BillingPeriod(charge.ServiceDate.Year, charge.ServiceDate.Month), CancellationToken.None);
        }
        (await app.WithDbAsync(db => db.Charges.CountAsync(c => c.SourceId == subscription))).ShouldBe(1);
        bought.GetProperty("subscription").GetProperty("balances")[0].GetProperty("left").GetInt32().ShouldBe(10);
    }

    private async Task<HttpClient> AdminAsync()
    {
        var email = TestApp.NewEmail("subscription-billing-admin");
        await app.CreateUserAsync(email, networkAdmin: true);
        return await app.ClientForAsync(email);
    }

    private static async Task<Guid> PostAsync(HttpClient client, string path, object body) =>
        (await JsonAsync(client.PostAsJsonAsync(path, body), HttpStatusCode.Created)).GetProperty("id").GetGuid();

    private static async Task<JsonElement> JsonAsync(Task<HttpResponseMessage> call, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SubscriptionBillingTests_Sqlite(SqliteTestApp app) : SubscriptionBillingTests(app);

[Collection(PostgresCollection.Name)]
public sealed class SubscriptionBillingTests_Postgres(PostgresTestApp app) : SubscriptionBillingTests(app);
