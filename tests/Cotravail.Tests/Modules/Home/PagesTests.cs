using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Modules.Demo;
using Cotravail.Tests.Infrastructure;
using Cotravail.Tests.Modules.Locations;

namespace Cotravail.Tests.Modules.Home;

public abstract class PagesTests(TestApp app)
{
    private async Task<string> GetAsync(string url, string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptLanguage.ParseAdd(language);
        var response = await app.AnonymousClient().SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_home_page_speaks_french_or_english_as_the_browser_asks()
    {
        var french = await GetAsync("/", "fr");
        french.ShouldContain("<html lang=\"fr\">");
        french.ShouldContain("Nos espaces");
        var english = await GetAsync("/", "en-GB,en;q=0.8");
        english.ShouldContain("<html lang=\"en\">");
        english.ShouldContain("Our spaces");
        english.ShouldNotContain("Nos espaces");
    }

    [Fact]
    public async Task The_home_page_lists_the_active_locations()
    {
        var html = await GetAsync("/", "fr");
        html.ShouldContain($"/locations/{DemoAccounts.ParisSlug}");
        html.ShouldContain($"/locations/{DemoAccounts.LyonSlug}");
        html.ShouldContain($"/locations/{DemoAccounts.RuralSlug}");
    }

    [Fact]
    public async Task A_location_page_shows_hours_resources_and_prices_in_the_culture()
    {
        var french = await GetAsync($"/locations/{DemoAccounts.ParisSlug}", "fr");
        french.ShouldContain("Horaires d'ouverture", Case.Insensitive);
        french.ShouldContain("lundi", Case.Insensitive);
        french.ShouldContain("€");
        french.ShouldMatch(@"\d+,\d{2}\s€");
        var english = await GetAsync($"/locations/{DemoAccounts.ParisSlug}", "en");
        english.ShouldContain("Opening hours");
        english.ShouldContain("Monday");
        english.ShouldMatch(@"€\d+\.\d{2}");
    }

    [Fact]
    public async Task An_unknown_location_is_a_friendly_404()
    {
        var response = await app.AnonymousClient().GetAsync("/locations/nowhere-at-all");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("<h1>");
    }

    [Fact]
    public async Task The_language_picker_is_remembered()
    {
        var client = await app.BrowserClientAsync(DemoAccounts.Member, DemoAccounts.Password);
        var response = await TestApp.PostFormAsync(client, "/culture", new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = "/me" }, "/");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldBe("/me");
        var home = await client.GetStringAsync("/me");
        home.ShouldContain("My membership");
    }

    [Fact]
    public async Task The_back_office_asks_visitors_to_sign_in_and_refuses_members()
    {
        var anonymous = await app.AnonymousClient().GetAsync("/admin/locations");
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        anonymous.Headers.Location!.ToString().ShouldContain("/account/sign-in");
        var member = await app.BrowserClientAsync(DemoAccounts.Member, DemoAccounts.Password);
        var denied = await member.GetAsync("/admin/locations");
        denied.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        denied.Headers.Location!.ToString().ShouldContain("/account/denied");
    }

    [Fact]
    public async Task A_wrong_password_redisplays_the_form_with_one_message()
    {
        var client = app.AnonymousClient();
        var response = await TestApp.PostFormAsync(client, "/account/sign-in", new Dictionary<string, string> { ["Input.Email"] = DemoAccounts.Member, ["Input.Password"] = "not the right password" }, "/account/sign-in");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain(DemoAccounts.Member);
        html.ShouldContain("validation-summary-errors");
    }

    [Fact]
    public async Task A_location_form_with_errors_keeps_what_was_typed_and_names_each_field()
    {
        var client = await app.BrowserClientAsync(DemoAccounts.NetworkAdmin, DemoAccounts.Password);
        var response = await TestApp.PostFormAsync(client, "/admin/locations/edit", new Dictionary<string, string>
        {
            ["Input.Name"] = "",
            ["Input.City"] = "Villeurbanne",
            ["Input.CountryCode"] = "FR",
            ["Input.TimeZone"] = "Europe/Nowhere",
            ["Input.Currency"] = "EUR",
            ["Input.OpenSpaceCapacity"] = "beaucoup",
            ["Week[0].Day"] = "Monday",
            ["Week[0].Opens"] = "19:00",
            ["Week[0].Closes"] = "08:00",
            ["ClosedDaysText"] = "2026-12-25 Noël",
        }, "/admin/locations/edit");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var (_, doc) = await TestApp.ParseAsync(response);
        doc.QuerySelector("input[name='Input.City']")!.GetAttribute("value").ShouldBe("Villeurbanne");
        doc.QuerySelector("input[name='Input.OpenSpaceCapacity']")!.GetAttribute("value").ShouldBe("beaucoup");
        doc.QuerySelector("textarea[name='ClosedDaysText']")!.TextContent.ShouldContain("Noël");
        var errors = doc.QuerySelectorAll(".field-error").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0).ToList();
        errors.ShouldContain(e => e.Contains("Nom"));
        errors.ShouldContain(e => e.Contains("Fuseau"));
        errors.ShouldContain(e => e.Contains("beaucoup"));
        errors.ShouldContain(e => e.Contains("fermeture"));
    }

    [Fact]
    public async Task An_admin_creates_a_resource_through_the_form()
    {
        var admin = await app.ClientForAsync(DemoAccounts.NetworkAdmin);
        var rural = await LocationsApiTests.LocationIdAsync(admin, DemoAccounts.RuralSlug);
        var client = await app.BrowserClientAsync(DemoAccounts.NetworkAdmin, DemoAccounts.Password);
        var name = $"Imprimante {Guid.NewGuid():N}"[..18];
        var response = await TestApp.PostFormAsync(client, "/admin/resources/edit", new Dictionary<string, string>
        {
            ["Input.LocationId"] = rural.ToString(),
            ["Input.Name"] = name,
            ["Input.Kind"] = "Equipment",
            ["Input.Capacity"] = "1",
            ["Input.Amenities"] = "Printer",
            ["Input.MemberHourly"] = "4,50",
        }, "/admin/resources/edit");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await app.AnonymousClient().GetStringAsync($"/locations/{DemoAccounts.RuralSlug}");
        page.ShouldContain(name);
        page.ShouldContain("4,50");
    }

    [Fact]
    public async Task The_api_is_described_by_an_openapi_document()
    {
        var document = await app.AnonymousClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldContain("/api/v1/locations");
        paths.ShouldContain("/api/v1/resources/{id}");
        paths.ShouldContain("/api/v1/members");
        paths.ShouldContain("/api/v1/companies");
        paths.ShouldContain("/api/v1/auth/token");
        (await app.AnonymousClient().GetAsync("/api/docs/")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Pages_send_protective_headers()
    {
        var response = await app.AnonymousClient().GetAsync("/");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldContain("script-src 'self'");
        csp.ShouldNotContain("unsafe-inline");
        response.Headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class PagesTests_Sqlite(SqliteTestApp app) : PagesTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PagesTests_Postgres(PostgresTestApp app) : PagesTests(app);
