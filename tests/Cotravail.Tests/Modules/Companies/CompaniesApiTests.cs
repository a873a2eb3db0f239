using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Modules.Demo;
using Cotravail.Tests.Infrastructure;

namespace Cotravail.Tests.Modules.Companies;

public abstract class CompaniesApiTests(TestApp app)
{
    private static string NewSiren() => TestData.NewSiren();

    private static object NewCompany(string siren) => TestData.Company(siren);

    [Fact]
    public async Task A_manager_registers_a_company_with_a_valid_siren_and_vat_number()
    {
        var manager = await app.ClientForAsync(DemoAccounts.LyonManager);
        var siren = NewSiren();
        var response = await manager.PostAsJsonAsync("/api/v1/companies", NewCompany(siren));
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var company = await response.Content.ReadFromJsonAsync<JsonElement>();
        company.GetProperty("siren").GetString().ShouldBe(siren);
        (await manager.PostAsJsonAsync("/api/v1/companies", NewCompany(siren))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_wrong_siren_or_vat_key_is_refused()
    {
        var admin = await app.ClientForAsync(DemoAccounts.NetworkAdmin);
        var response = await admin.PostAsJsonAsync("/api/v1/companies", new
        {
            legalName = "Faux",
            siren = "123456788",
            vatNumber = "FR00123456789",
            city = "Paris",
            countryCode = "FR",
            billingContactName = "X",
            billingEmail = "x@faux.example",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.TryGetProperty("siren", out _).ShouldBeTrue();
        errors.TryGetProperty("vatNumber", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Companies_count_the_members_they_pay_for()
    {
        var admin = await app.ClientForAsync(DemoAccounts.NetworkAdmin);
        var page = await admin.GetFromJsonAsync<JsonElement>("/api/v1/companies?pageSize=100");
        page.GetProperty("items").EnumerateArray().ShouldContain(c => c.GetProperty("paidMemberCount").GetInt32() > 0);
    }

    [Fact]
    public async Task A_company_admin_sees_only_their_company_and_a_member_none()
    {
        var companyAdmin = await app.ClientForAsync(DemoAccounts.CompanyAdmin);
        (await companyAdmin.GetFromJsonAsync<JsonElement>("/api/v1/companies")).GetProperty("totalCount").GetInt32().ShouldBe(1);
        var member = await app.ClientForAsync(DemoAccounts.Member);
        (await member.GetFromJsonAsync<JsonElement>("/api/v1/companies")).GetProperty("totalCount").GetInt32().ShouldBe(0);
        (await member.PostAsJsonAsync("/api/v1/companies", NewCompany(NewSiren()))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CompaniesApiTests_Sqlite(SqliteTestApp app) : CompaniesApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class CompaniesApiTests_Postgres(PostgresTestApp app) : CompaniesApiTests(app);
