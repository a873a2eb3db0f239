using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Common.Auth;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Cotravail.Modules.Companies;

namespace Cotravail.Tests.Modules.Companies;

/// Who may change a company: admins any; a manager only one with a member whose home location they manage.
public abstract class CompanyEditScopeTests(TestApp app)
{
    [Fact]
    public async Task A_manager_of_Lyon_cannot_rename_through_the_API_a_company_whose_members_are_all_in_Paris()
    {
        var world = await WorldAsync();
        var manager = await app.ClientForAsync(world.LyonManager);

        (await manager.GetAsync($"/api/v1/companies/{world.ParisOnly}")).StatusCode.ShouldBe(HttpStatusCode.OK); // staff still read it
        using var renamed = await manager.PutAsJsonAsync($"/api/v1/companies/{world.ParisOnly}", Renamed("Renommée par Lyon"));
        renamed.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await manager.PostAsync($"/api/v1/companies/{world.ParisOnly}/deactivate", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await NameAndEmailAsync(world.ParisOnly)).ShouldBe(("Atelier Numérique SARL", "compta@atelier.example"));
    }

    [Fact]
    public async Task A_manager_of_Lyon_cannot_open_or_post_the_edit_page_of_a_company_whose_members_are_all_in_Paris()
    {
        var world = await WorldAsync();
        var browser = await app.BrowserClientAsync(world.LyonManager);

        using var page = await browser.GetAsync($"/admin/companies/edit/{world.ParisOnly}");
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.ToString().ShouldContain("/account/denied");
        using var posted = await TestApp.PostFormAsync(browser, $"/admin/companies/edit/{world.ParisOnly}", Form("Renommée par Lyon"), "/admin/companies/edit");
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        posted.Headers.Location!.ToString().ShouldContain("/account/denied");
        (await NameAndEmailAsync(world.ParisOnly)).ShouldBe(("Atelier Numérique SARL", "compta@atelier.example"));
        var (_, list) = await TestApp.GetHtmlAsync(browser, $"/admin/companies?search={world.ParisSiren}");
        list.QuerySelector($"a[href='/admin/companies/edit/{world.ParisOnly}']").ShouldBeNull();
    }

    [Fact]
    public async Task A_manager_of_Lyon_renames_a_company_with_a_Lyon_member_through_the_API_and_the_page()
    {
        var world = await WorldAsync();
        var manager = await app.ClientForAsync(world.LyonManager);

        using var renamed = await manager.PutAsJsonAsync($"/api/v1/companies/{world.WithLyonMember}", Renamed("Renommée par l'API"));
        renamed.StatusCode.ShouldBe(HttpStatusCode.OK, await renamed.Content.ReadAsStringAsync());
        (await NameAndEmailAsync(world.WithLyonMember)).ShouldBe(("Renommée par l'API", "factures@renommee.example"));

        var browser = await app.BrowserClientAsync(world.LyonManager);
        var (_, form) = await TestApp.GetHtmlAsync(browser, $"/admin/companies/edit/{world.WithLyonMember}");
        form.QuerySelector("#Input_LegalName").ShouldNotBeNull();
        using var posted = await TestApp.PostFormAsync(browser, $"/admin/companies/edit/{world.WithLyonMember}", Form("Renommée par la page"));
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        posted.Headers.Location!.ToString().ShouldBe($"/admin/companies/edit/{world.WithLyonMember}");
        (await NameAndEmailAsync(world.WithLyonMember)).ShouldBe(("Renommée par la page", "factures@renommee.example"));
    }

    [Fact]
    public async Task A_manager_who_registers_a_company_on_the_page_is_taken_back_to_the_list_not_to_a_form_they_may_not_use()
    {
        var world = await WorldAsync();
        var browser = await app.BrowserClientAsync(world.LyonManager);
        var form = Form("Nouvelle à Lyon");
        form["Input.Siren"] = TestData.NewSiren();

        using var posted = await TestApp.PostFormAsync(browser, "/admin/companies/edit", form);

        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        posted.Headers.Location!.ToString().ShouldBe("/admin/companies");
        (await app.WithDbAsync(db => db.Companies.CountAsync(c => c.Siren == form["Input.Siren"]))).ShouldBe(1);
    }

    [Fact]
    public async Task A_network_admin_renames_any_company()
    {
        var world = await WorldAsync();
        var admin = await app.ClientForAsync(world.Admin);

        using var renamed = await admin.PutAsJsonAsync($"/api/v1/companies/{world.ParisOnly}", Renamed("Renommée par l'admin"));
        renamed.StatusCode.ShouldBe(HttpStatusCode.OK, await renamed.Content.ReadAsStringAsync());
        (await NameAndEmailAsync(world.ParisOnly)).ShouldBe(("Renommée par l'admin", "factures@renommee.example"));
    }

    [Fact]
    public async Task A_host_of_Lyon_cannot_rename_even_a_company_with_a_Lyon_member()
    {
        var world = await WorldAsync();
        var hostEmail = await app.NewStaffAsync(world.Lyon, StaffRole.Host, "company-host");

        using var renamed = await (await app.ClientForAsync(hostEmail)).PutAsJsonAsync($"/api/v1/companies/{world.WithLyonMember}", Renamed("Renommée par l'accueil"));
        renamed.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private sealed record World(string Admin, string LyonManager, Guid Lyon, Guid ParisOnly, string ParisSiren, Guid WithLyonMember);

    /// Lyon and Paris; a company whose only member lives in Paris, one with members in both; a manager of Lyon.
    private async Task<World> WorldAsync()
    {
        var admin = TestApp.NewEmail("company-admin");
        await app.CreateUserAsync(admin, networkAdmin: true);
        var api = await app.ClientForAsync(admin);
        var lyon = await CreatedAsync(api, "/api/v1/locations", TestData.Location("Lyon", TestData.NewSlug("lyon")));
        var paris = await CreatedAsync(api, "/api/v1/locations", TestData.Location("Paris", TestData.NewSlug("paris")));
        var parisSiren = TestData.NewSiren();
        var parisOnly = await CreatedAsync(api, "/api/v1/companies", TestData.Company(parisSiren));
        var withLyonMember = await CreatedAsync(api, "/api/v1/companies", TestData.Company(TestData.NewSiren()));
        await CreatedAsync(api, "/api/v1/members", TestData.Member(paris, TestApp.NewEmail("paris"), parisOnly));
        await CreatedAsync(api, "/api/v1/members", TestData.Member(paris, TestApp.NewEmail("paris"), withLyonMember));
        await CreatedAsync(api, "/api/v1/members", TestData.Member(lyon, TestApp.NewEmail("lyon"), withLyonMember));
        var manager = await app.NewStaffAsync(lyon, StaffRole.Manager, "lyon-manager");
        return new World(admin, manager, lyon, parisOnly, parisSiren, withLyonMember);
    }

    private static async Task<Guid> CreatedAsync(HttpClient api, string url, object body)
    {
        using var response = await api.PostAsJsonAsync(url, body);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, json.ToString());
        return json.GetProperty("id").GetGuid();
    }

    private static object Renamed(string name) => new
    {
        legalName = name, city = "Lyon", countryCode = "FR", billingContactName = "Léa Fontaine", billingEmail = "factures@renommee.example",
    };

    private static Dictionary<string, string> Form(string name) => new()
    {
        ["Input.LegalName"] = name,
        ["Input.City"] = "Lyon",
        ["Input.CountryCode"] = "FR",
        ["Input.BillingContactName"] = "Léa Fontaine",
        ["Input.BillingEmail"] = "factures@renommee.example",
    };

    private Task<(string, string)> NameAndEmailAsync(Guid company) => app.WithDbAsync(db =>
        db.Companies.Where(c => c.Id == company).Select(c => new ValueTuple<string, string>(c.LegalName, c.BillingEmail)).SingleAsync());
}

[Collection(SqliteCollection.Name)]
public sealed class CompanyEditScopeTests_Sqlite(SqliteTestApp app) : CompanyEditScopeTests(app);

[Collection(PostgresCollection.Name)]
public sealed class CompanyEditScopeTests_Postgres(PostgresTestApp app) : CompanyEditScopeTests(app);
