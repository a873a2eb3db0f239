using System.Net;
using System.Net.Http.Json;
using System.Text;
using Cotravail.Modules.Demo;
using Cotravail.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Cotravail.Tests.Common.Web;

public abstract class SecurityHeadersTests(TestApp app)
{
    private static void ShouldBeHardened(HttpResponseMessage response)
    {
        var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        csp.ShouldContain("frame-ancestors 'none'");
        csp.ShouldContain("script-src 'self'");
        csp.ShouldNotContain("unsafe-inline");
        csp.ShouldContain("object-src 'none'");
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.GetValues("Referrer-Policy").Single().ShouldBeOneOf("strict-origin-when-cross-origin", "no-referrer");
        response.Headers.GetValues("Permissions-Policy").Single().ShouldContain("camera=()");
        response.Headers.GetValues("X-Frame-Options").ShouldBe(["DENY"]);
    }

    [Fact]
    public async Task The_home_page_carries_the_security_headers()
    {
        using var response = await app.AnonymousClient().GetAsync("/");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        ShouldBeHardened(response);
    }

    [Fact]
    public async Task An_api_answer_carries_the_security_headers()
    {
        using var client = await app.ClientForAsync(DemoAccounts.NetworkAdmin);
        using var response = await client.GetAsync("/api/v1/locations");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        ShouldBeHardened(response);
        using var problem = await client.GetAsync($"/api/v1/locations/{Guid.CreateVersion7()}");
        problem.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        ShouldBeHardened(problem);
    }

    [Fact]
    public async Task Error_pages_carry_the_security_headers()
    {
        using var notFound = await app.AnonymousClient().GetAsync("/locations/no-such-place-at-all");
        notFound.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await notFound.Content.ReadAsStringAsync()).ShouldContain("<h1>");
        ShouldBeHardened(notFound);
        using var member = await app.BrowserClientAsync(DemoAccounts.Member); // anonymous visitors are sent to sign in first
        using var unknownPage = await member.GetAsync("/this/page/does/not/exist");
        unknownPage.StatusCode.ShouldBe(HttpStatusCode.NotFound, await unknownPage.Content.ReadAsStringAsync());
        ShouldBeHardened(unknownPage);
    }

    [Fact]
    public async Task Hsts_is_sent_over_https_only()
    {
        using var https = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://cotravail.test/"), AllowAutoRedirect = false });
        using var secure = await https.GetAsync("/");
        secure.Headers.GetValues("Strict-Transport-Security").Single().ShouldContain("max-age=31536000");
        using var http = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://cotravail.test/"), AllowAutoRedirect = false });
        using var plain = await http.GetAsync("/");
        plain.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_413_problem()
    {
        using var client = await app.ClientForAsync(DemoAccounts.NetworkAdmin);
        var name = new string('x', 2 * 1024 * 1024);
        using var content = new StringContent($$"""{"legalName":"{{name}}","city":"Paris","countryCode":"FR"}""", Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("/api/v1/companies", content);
        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task A_form_over_the_limit_is_a_413_page()
    {
        using var client = await app.BrowserClientAsync(DemoAccounts.NetworkAdmin);
        using var content = new FormUrlEncodedContent([new("Input.LegalName", new string('x', 2 * 1024 * 1024))]);
        using var response = await client.PostAsync("/admin/companies/edit", content);
        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await response.Content.ReadAsStringAsync()).ShouldContain("<h1>");
    }

    [Fact]
    public async Task A_form_value_over_the_value_limit_is_refused_not_a_500()
    {
        using var client = await app.BrowserClientAsync(DemoAccounts.NetworkAdmin);
        using var response = await TestApp.PostFormAsync(client, "/admin/companies/edit", new Dictionary<string, string>
        {
            ["Input.LegalName"] = new string('x', 200 * 1024),
            ["Input.City"] = "Paris",
        });
        ((int)response.StatusCode).ShouldBeInRange(400, 499);
    }

    [Fact]
    public async Task Truncated_json_is_a_400_not_a_500()
    {
        using var client = await app.ClientForAsync(DemoAccounts.NetworkAdmin);
        using var content = new StringContent("""{"legalName":"Acme","city":"Par""", Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("/api/v1/companies", content);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task A_ten_thousand_character_name_is_a_400_naming_the_field()
    {
        using var client = await app.ClientForAsync(DemoAccounts.NetworkAdmin);
        using var response = await client.PostAsJsonAsync("/api/v1/companies", new
        {
            legalName = new string('a', 10_000),
            city = "Paris",
            countryCode = "FR",
            billingContactName = "Jeanne",
            billingEmail = "jeanne@example.com",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblem>();
        problem!.Errors.Keys.ShouldContain("legalName");
    }

    [Fact]
    public async Task A_malformed_form_value_redisplays_the_form_not_a_500()
    {
        using var client = await app.BrowserClientAsync(DemoAccounts.NetworkAdmin);
        using var response = await TestApp.PostFormAsync(client, "/admin/resources/edit", new Dictionary<string, string>
        {
            ["Input.LocationId"] = "not-a-guid",
            ["Input.Name"] = "Room",
            ["Input.Kind"] = "Spaceship",
            ["Input.Capacity"] = "many",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var (_, doc) = await TestApp.ParseAsync(response);
        doc.QuerySelectorAll(".field-error").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0).Count().ShouldBeGreaterThanOrEqualTo(2);
    }

    private sealed record ValidationProblem(Dictionary<string, string[]> Errors);
}

[Collection(SqliteCollection.Name)]
public sealed class SecurityHeadersTests_Sqlite(SqliteTestApp app) : SecurityHeadersTests(app);

[Collection(PostgresCollection.Name)]
public sealed class SecurityHeadersTests_Postgres(PostgresTestApp app) : SecurityHeadersTests(app);
