using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Modules.Billing;
using Cotravail.Modules.Members;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Modules.Billing;

/// An invoice to a member who pays for themselves is addressed to the member's billing address (issue 13): a typed
/// draft and a billing run's draft take it, typed fields still win, and such invoices are issued.
public abstract class MemberBuyerAddressTests(TestApp app)
{
    private static object Line => new { description = "Pass journée", quantity = 1, unitPrice = 25m, vatPercent = 20 };

    private Task GiveAddressAsync(Guid memberId, string street, string postalCode, string city, string countryCode) => app.WithDbAsync(async db =>
    {
        (await db.Members.SingleAsync(m => m.Id == memberId)).MoveTo(street, postalCode, city, countryCode);
        await db.SaveChangesAsync();
    });

    [Fact]
    public async Task A_draft_for_a_member_who_pays_takes_their_address_and_is_issued()
    {
        var world = await BillingWorld.CreateAsync(app);
        await GiveAddressAsync(world.MemberId, "12 rue de la Charité", "69002", "Lyon", "FR");
        using var manager = await world.ManagerAsync();

        var id = await world.DraftAsync(manager, new { locationId = world.Location, memberId = world.MemberId, periodStart = "2026-11-03", lines = new[] { Line } });
        var issued = await world.IssueAsync(manager, id);

        var buyer = issued.GetProperty("buyer");
        (buyer.GetProperty("name").GetString(), buyer.GetProperty("street").GetString(), buyer.GetProperty("postalCode").GetString(),
            buyer.GetProperty("city").GetString(), buyer.GetProperty("countryCode").GetString())
            .ShouldBe(("Camille Facturée", "12 rue de la Charité", "69002", "Lyon", "FR"));
        issued.GetProperty("number").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Typed_buyer_fields_win_over_the_members_address()
    {
        var world = await BillingWorld.CreateAsync(app);
        await GiveAddressAsync(world.MemberId, "12 rue de la Charité", "69002", "Lyon", "FR");
        using var manager = await world.ManagerAsync();

        var id = await world.DraftAsync(manager, new
        {
            locationId = world.Location, memberId = world.MemberId, buyerStreet = "3 quai Saint-Vincent", buyerPostalCode = "69001",
            periodStart = "2026-11-03", lines = new[] { Line },
        });

        var draft = await app.WithDbAsync(db => db.Invoices.AsNoTracking().SingleAsync(i => i.Id == id));
        (draft.BuyerStreet, draft.BuyerPostalCode, draft.BuyerCity, draft.BuyerCountryCode).ShouldBe(("3 quai Saint-Vincent", "69001", "Lyon", "FR"));
    }

    [Fact]
    public async Task A_member_without_an_address_still_cannot_be_invoiced_and_the_answer_names_the_street()
    {
        var world = await BillingWorld.CreateAsync(app);
        using var manager = await world.ManagerAsync();
        var id = await world.DraftAsync(manager, new { locationId = world.Location, memberId = world.MemberId, periodStart = "2026-11-03", lines = new[] { Line } });

        using var response = await manager.PostAsync($"/api/v1/invoices/{id}/issue", null);

        response.IsSuccessStatusCode.ShouldBeFalse();
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("buyerStreet", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task A_billing_run_addresses_a_member_who_pays_to_their_address_and_issues_it()
    {
        var world = await BillingWorld.CreateAsync(app);
        await GiveAddressAsync(world.MemberId, "Rue de la Loi 16", "1000", "Bruxelles", "BE");
        using var manager = await world.ManagerAsync();
        using (var charge = await manager.PostAsJsonAsync("/api/v1/charges", new
        {
            locationId = world.Location, memberId = world.MemberId, description = "Clé de casier", quantity = 1, unitPrice = 5m, vatPercent = 20, date = "2033-02-03",
        }))
        {
            charge.StatusCode.ShouldBe(HttpStatusCode.Created, await charge.Content.ReadAsStringAsync());
        }
        var adminEmail = TestApp.NewEmail("address-run-admin");
        await app.CreateUserAsync(adminEmail, networkAdmin: true);
        using var admin = await app.ClientForAsync(adminEmail);

        var run = await StartAsync(admin, "2033-02");
        await WaitAsync(admin, run, "Drafted");
        using (var issue = await admin.PostAsync($"/api/v1/billing/runs/{run}/issue", null))
        {
            issue.StatusCode.ShouldBe(HttpStatusCode.Accepted, await issue.Content.ReadAsStringAsync());
        }
        await WaitAsync(admin, run, "Done");

        var invoice = await app.WithDbAsync(db => db.Invoices.AsNoTracking().SingleAsync(i => i.SourceKey == $"run:2033-02:{world.MemberId}"));
        invoice.Status.ShouldBe(InvoiceStatus.Issued);
        (invoice.BuyerStreet, invoice.BuyerPostalCode, invoice.BuyerCity, invoice.BuyerCountryCode).ShouldBe(("Rue de la Loi 16", "1000", "Bruxelles", "BE"));
    }

    private static async Task<Guid> StartAsync(HttpClient admin, string period)
    {
        using var response = await admin.PostAsJsonAsync("/api/v1/billing/runs", new { period });
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, json.ToString());
        return json.GetProperty("id").GetGuid();
    }

    private static async Task WaitAsync(HttpClient admin, Guid run, string status)
    {
        for (var i = 0; i < 600; i++)
        {
            var json = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/billing/runs/{run}");
            var now = json.GetProperty("status").GetString();
            if (now == status)
            {
                return;
            }
            now.ShouldNotBe("Failed", json.ToString());
            await Task.Delay(100);
        }
        throw new TimeoutException($"Run {run} never reached {status}");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class MemberBuyerAddressTests_Sqlite(SqliteTestApp app) : MemberBuyerAddressTests(app);

[Collection(PostgresCollection.Name)]
public sealed class MemberBuyerAddressTests_Postgres(PostgresTestApp app) : MemberBuyerAddressTests(app);
