using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Modules.Billing;
using Cotravail.Modules.Demo;
using Cotravail.Modules.Members;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Modules.Billing;

/// The demo network shows billing at work: a newcomer who signs in as the demo member or the demo
/// company admin finds issued invoices, a credit note and payments, with their PDFs.
public abstract class DemoBillingTests(TestApp app)
{
    [Fact]
    public async Task The_demo_member_and_company_admin_find_their_invoices_a_credit_note_and_payments()
    {
        using var member = await app.ClientForAsync(DemoAccounts.Member);
        var mine = await member.GetFromJsonAsync<JsonElement>("/api/v1/invoices?pageSize=100");
        var demoMine = mine.GetProperty("items").EnumerateArray().Where(i => i.GetProperty("buyerName").GetString() == "Léa Fontaine").ToList();
        // the demo's paid and unpaid invoices (runs of other tests may bill the member's plan of a month near the clock's,
        // as a suite started on 28 March did)
        demoMine.Select(i => i.GetProperty("state").GetString()).ShouldContain("Unpaid");
        demoMine.Select(i => i.GetProperty("state").GetString()).ShouldContain("Paid");

        using var companyAdmin = await app.ClientForAsync(DemoAccounts.CompanyAdmin);
        var theirs = await companyAdmin.GetFromJsonAsync<JsonElement>("/api/v1/invoices?pageSize=100");
        // the demo's team invoice, partly paid by transfer (runs of other tests may bill the team's plans of later months)
        var team = theirs.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("kind").GetString() == "Invoice" && i.GetProperty("state").GetString() == "PartlyPaid");
        team.GetProperty("state").GetString().ShouldBe("PartlyPaid");
        theirs.GetProperty("items").EnumerateArray().Count(i => i.GetProperty("kind").GetString() == "CreditNote").ShouldBe(1);
        var detail = await companyAdmin.GetFromJsonAsync<JsonElement>($"/api/v1/invoices/{team.GetProperty("id").GetGuid()}");
        detail.GetProperty("lines").EnumerateArray().Count(l => l.TryGetProperty("memberId", out var m) && m.ValueKind == JsonValueKind.String).ShouldBe(5);
        detail.GetProperty("credited").GetDecimal().ShouldBe(348);
        detail.GetProperty("paid").GetDecimal().ShouldBe(1000);
        using var pdf = await companyAdmin.GetAsync($"/api/v1/invoices/{team.GetProperty("id").GetGuid()}/pdf");
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");

        (await app.WithDbAsync(db => db.Payments.CountAsync())).ShouldBeGreaterThanOrEqualTo(3);
        (await app.WithDbAsync(db => db.InvoiceDocuments.CountAsync(d => db.Set<Invoice>().Any(i => i.Id == d.InvoiceId && i.Status == InvoiceStatus.Issued))))
            .ShouldBeGreaterThanOrEqualTo(5);
    }

    [Fact]
    public async Task The_demo_member_holds_a_bundle_with_a_day_taken_and_the_company_pays_its_team_plans()
    {
        using var member = await app.ClientForAsync(DemoAccounts.Member);
        var mine = (await member.GetFromJsonAsync<JsonElement>("/api/v1/subscriptions?memberId=" + await app.WithDbAsync(db =>
            db.Members.Where(m => m.Email == DemoAccounts.Member).Select(m => m.Id).FirstAsync()))).GetProperty("items").EnumerateArray().ToList();
        var bundle = mine.First(s => s.GetProperty("kind").GetString() == "Bundle" && s.GetProperty("locationName").GetString()!.Contains("Défense"));
        bundle.GetProperty("balances")[0].GetProperty("used").GetInt32().ShouldBeGreaterThanOrEqualTo(1); // her desk day (other tests may book more)
        mine.ShouldContain(s => s.GetProperty("kind").GetString() == "MembershipFee");

        using var companyAdmin = await app.ClientForAsync(DemoAccounts.CompanyAdmin);
        var team = (await companyAdmin.GetFromJsonAsync<JsonElement>("/api/v1/subscriptions?kind=MonthlyPlan&pageSize=100")).GetProperty("items").EnumerateArray()
            .Where(s => s.TryGetProperty("payerCompanyName", out var p) && p.GetString() == "Altimètre Conseil SAS").ToList();
        team.Count.ShouldBeGreaterThanOrEqualTo(5);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class DemoBillingTests_Sqlite(SqliteTestApp app) : DemoBillingTests(app);

[Collection(PostgresCollection.Name)]
public sealed class DemoBillingTests_Postgres(PostgresTestApp app) : DemoBillingTests(app);
