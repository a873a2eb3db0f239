using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Modules.Demo;
using Cotravail.Tests.Infrastructure;
using Cotravail.Tests.Modules.Locations;

namespace Cotravail.Tests.Common.Audit;

public abstract class AuditLogTests(TestApp app)
{
    private async Task<(HttpClient Admin, Guid Paris)> AdminAsync()
    {
        var admin = await app.ClientForAsync(DemoAccounts.NetworkAdmin);
        return (admin, await LocationsApiTests.LocationIdAsync(admin, DemoAccounts.ParisSlug));
    }

    private static async Task<List<JsonElement>> EntriesAsync(HttpClient admin, string query)
    {
        var page = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit?{query}");
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    private static async Task<Guid> CreateMemberAsync(HttpClient admin, Guid location)
    {
        using var response = await admin.PostAsJsonAsync("/api/v1/members", new
        {
            firstName = "Aude",
            lastName = "Journal",
            email = TestApp.NewEmail("aude"),
            category = "Freelancer",
            homeLocationId = location,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<Guid> CreateCompanyAsync(HttpClient admin, string name)
    {
        using var response = await admin.PostAsJsonAsync("/api/v1/companies", new
        {
            legalName = name,
            city = "Paris",
            countryCode = "FR",
            billingContactName = "Compta",
            billingEmail = "compta@example.com",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task A_price_change_is_recorded_with_old_and_new_prices()
    {
        var (admin, paris) = await AdminAsync();
        var name = $"Audit room {Guid.NewGuid():N}"[..20];
        var room = new { locationId = paris, name, kind = "MeetingRoom", capacity = 4, memberHourly = 12m };
        using var created = await admin.PostAsJsonAsync("/api/v1/resources", room);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        using var renamed = await admin.PutAsJsonAsync($"/api/v1/resources/{id}", room with { capacity = 5 });
        renamed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await EntriesAsync(admin, $"targetId={id}")).ShouldBeEmpty(); // no price changed, nothing recorded

        using var repriced = await admin.PutAsJsonAsync($"/api/v1/resources/{id}", room with { memberHourly = 14m });
        repriced.StatusCode.ShouldBe(HttpStatusCode.OK);

        var entry = (await EntriesAsync(admin, $"action=price.changed&targetId={id}")).ShouldHaveSingleItem();
        entry.GetProperty("detail").GetString()!.ShouldContain("memberHourly 12.00 → 14.00 EUR");
        entry.GetProperty("actorEmail").GetString().ShouldBe(DemoAccounts.NetworkAdmin);
        entry.GetProperty("locationId").GetGuid().ShouldBe(paris);
    }

    [Fact]
    public async Task Company_admin_role_and_company_moves_are_recorded()
    {
        var (admin, paris) = await AdminAsync();
        var company = await CreateCompanyAsync(admin, $"Audit SA {Guid.NewGuid():N}"[..18]);
        var member = await CreateMemberAsync(admin, paris);
        var current = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/members/{member}");
        object Body(Guid? companyId, bool isCompanyAdmin) => new
        {
            firstName = current.GetProperty("firstName").GetString(),
            lastName = current.GetProperty("lastName").GetString(),
            email = current.GetProperty("email").GetString(),
            category = "Teleworker",
            homeLocationId = paris,
            companyId,
            isCompanyAdmin,
        };

        (await admin.PutAsJsonAsync($"/api/v1/members/{member}", Body(company, true))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.PutAsJsonAsync($"/api/v1/members/{member}", Body(company, false))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var actions = (await EntriesAsync(admin, $"targetId={member}")).Select(e => e.GetProperty("action").GetString()).ToList();
        // newest first
        actions.ShouldBe(["role.revoked", "role.granted", "member.company-changed"]);
    }

    [Fact]
    public async Task Deactivating_and_reactivating_a_member_is_recorded_and_searchable_by_date_and_actor()
    {
        var (admin, paris) = await AdminAsync();
        var member = await CreateMemberAsync(admin, paris);
        (await admin.PostAsync($"/api/v1/members/{member}/deactivate", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.PostAsync($"/api/v1/members/{member}/activate", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var today = app.Clock.GetUtcNow().ToString("yyyy-MM-dd");
        var tomorrow = app.Clock.GetUtcNow().AddDays(1).ToString("yyyy-MM-dd");
        var found = await EntriesAsync(admin, $"targetId={member}&from={today}&to={today}&actorEmail=ADMIN@cotravail");
        found.Select(e => e.GetProperty("action").GetString()).ShouldBe(["account.activated", "account.deactivated"]);
        (await EntriesAsync(admin, $"targetId={member}&from={tomorrow}")).ShouldBeEmpty();
        (await EntriesAsync(admin, $"targetId={member}&actorEmail=nobody-like-this")).ShouldBeEmpty();
        (await EntriesAsync(admin, $"targetId={member}&action=account.deactivated")).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task The_audit_api_pages_newest_first()
    {
        var (admin, paris) = await AdminAsync();
        var member = await CreateMemberAsync(admin, paris);
        for (var i = 0; i < 3; i++)
        {
            await admin.PostAsync($"/api/v1/members/{member}/deactivate", null);
            await admin.PostAsync($"/api/v1/members/{member}/activate", null);
        }
        var first = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit?targetId={member}&page=1&pageSize=4");
        first.GetProperty("totalCount").GetInt32().ShouldBe(6);
        first.GetProperty("items").GetArrayLength().ShouldBe(4);
        var second = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/audit?targetId={member}&page=2&pageSize=4");
        second.GetProperty("items").GetArrayLength().ShouldBe(2);
        var times = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray())
            .Select(e => e.GetProperty("at").GetDateTime()).ToList();
        times.ShouldBe(times.OrderByDescending(t => t).ToList());
    }

    [Fact]
    public async Task Only_network_admins_read_the_audit_log()
    {
        foreach (var who in new[] { DemoAccounts.ParisManager, DemoAccounts.ParisHost, DemoAccounts.Member, DemoAccounts.CompanyAdmin })
        {
            using var client = await app.ClientForAsync(who);
            (await client.GetAsync("/api/v1/audit")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, who);
        }
        (await app.AnonymousClient().GetAsync("/api/v1/audit")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var manager = await app.BrowserClientAsync(DemoAccounts.ParisManager);
        using var page = await manager.GetAsync("/admin/audit");
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.ToString().ShouldContain("/account/denied");
    }

    [Fact]
    public async Task The_audit_page_shows_filtered_entries_to_admins()
    {
        var (admin, paris) = await AdminAsync();
        var member = await CreateMemberAsync(admin, paris);
        (await admin.PostAsync($"/api/v1/members/{member}/deactivate", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var browser = await app.BrowserClientAsync(DemoAccounts.NetworkAdmin);
        var (_, doc) = await TestApp.GetHtmlAsync(browser, $"/admin/audit?targetId={member}&action=account.deactivated");
        var rows = doc.QuerySelectorAll("tbody tr");
        rows.Length.ShouldBe(1);
        rows[0].TextContent.ShouldContain("account.deactivated");
        rows[0].TextContent.ShouldContain(DemoAccounts.NetworkAdmin);
        rows[0].TextContent.ShouldContain("Aude Journal");
        doc.QuerySelector("select#action option[selected]")!.GetAttribute("value").ShouldBe("account.deactivated");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AuditLogTests_Sqlite(SqliteTestApp app) : AuditLogTests(app);

[Collection(PostgresCollection.Name)]
public sealed class AuditLogTests_Postgres(PostgresTestApp app) : AuditLogTests(app);
