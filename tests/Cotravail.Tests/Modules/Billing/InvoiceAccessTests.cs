using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Tests.Infrastructure;

namespace Cotravail.Tests.Modules.Billing;

/// Who sees which invoice, the company's team invoice, and bad input answered field by field.
public abstract class InvoiceAccessTests(TestApp app)
{
    [Fact]
    public async Task A_member_sees_their_issued_invoices_only_and_a_company_admin_the_team_invoice_addressed_to_the_company()
    {
        var world = await BillingWorld.CreateAsync(app);
        using var manager = await world.ManagerAsync();
        var draft = await world.DraftAsync(manager);
        var own = await world.DraftAsync(manager);
        await world.IssueAsync(manager, own);
        var team = await world.DraftAsync(manager, new
        {
            locationId = world.Location, companyId = world.CompanyId, periodStart = "2026-11-01", periodEnd = "2026-11-30",
            lines = world.Team.Select((m, i) => new { description = $"Forfait temps plein — membre {i + 1}", quantity = 1, unitPrice = 250, vatPercent = 20, memberId = m }).ToArray(),
        });
        var teamInvoice = await world.IssueAsync(manager, team);

        using var member = await app.ClientForAsync(world.MemberEmail);
        var mine = await member.GetFromJsonAsync<JsonElement>("/api/v1/invoices");
        mine.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ShouldBe([own]);
        (await member.GetAsync($"/api/v1/invoices/{draft}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await member.GetAsync($"/api/v1/invoices/{team}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var companyAdmin = await app.ClientForAsync(world.CompanyAdminEmail);
        var theirs = await companyAdmin.GetFromJsonAsync<JsonElement>("/api/v1/invoices");
        theirs.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ShouldBe([team]);
        teamInvoice.GetProperty("buyer").GetProperty("siren").GetString().ShouldNotBeNullOrWhiteSpace();
        teamInvoice.GetProperty("buyer").GetProperty("name").GetString()!.ShouldNotContain("Alix");
        teamInvoice.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("memberId").GetGuid()).ShouldBe(world.Team);
        teamInvoice.GetProperty("totalIncludingVat").GetDecimal().ShouldBe(900);
        (await companyAdmin.PostAsync($"/api/v1/invoices/{team}/issue", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("quantity", "-1", "lines[0].quantity")]
    [InlineData("vatPercent", "7", "lines[0].vatPercent")]
    [InlineData("unitPrice", "-5", "lines[0].unitPrice")]
    [InlineData("discount", "100", "lines[0].discount")]
    [InlineData("periodEnd", "\"2026-10-01\"", "periodEnd")]
    [InlineData("periodStart", "\"le 1er\"", "periodStart")]
    [InlineData("locationId", "null", "locationId")]
    [InlineData("lines", "[]", "lines")]
    public async Task Bad_input_is_answered_with_the_field_and_the_reason(string field, string value, string expected)
    {
        var world = await BillingWorld.CreateAsync(app);
        using var manager = await world.ManagerAsync();
        var line = new Dictionary<string, object> { ["description"] = "Pass", ["quantity"] = 1, ["unitPrice"] = 20, ["vatPercent"] = 20 };
        var body = new Dictionary<string, object?>
        {
            ["locationId"] = world.Location, ["memberId"] = world.MemberId, ["periodStart"] = "2026-11-01", ["periodEnd"] = "2026-11-30", ["lines"] = new[] { line },
        };
        var parsed = JsonDocument.Parse(value).RootElement;
        if (field is "quantity" or "vatPercent" or "unitPrice" or "discount")
        {
            line[field] = parsed;
        }
        else
        {
            body[field] = parsed;
        }

        using var response = await manager.PostAsJsonAsync("/api/v1/invoices", body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").TryGetProperty(expected, out var messages).ShouldBeTrue(problem.ToString());
        messages[0].GetString().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task A_manager_cannot_bill_for_a_location_they_do_not_run()
    {
        var world = await BillingWorld.CreateAsync(app);
        var other = await BillingWorld.CreateAsync(app);
        using var manager = await world.ManagerAsync();

        using var response = await manager.PostAsJsonAsync("/api/v1/invoices", other.Draft(("Pass", 1, 20, 20)));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class InvoiceAccessTests_Sqlite(SqliteTestApp app) : InvoiceAccessTests(app);

[Collection(PostgresCollection.Name)]
public sealed class InvoiceAccessTests_Postgres(PostgresTestApp app) : InvoiceAccessTests(app);
