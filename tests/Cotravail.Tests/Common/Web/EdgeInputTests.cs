using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cotravail.Modules.Demo;
using Cotravail.Tests.Infrastructure;

namespace Cotravail.Tests.Common.Web;

/// What outside testers sent and got a 500 for (issue 11, points 5 to 7): each answered with a message now.
public abstract class EdgeInputTests(TestApp app)
{
    [Theory]
    [InlineData("/account/sign-in", "Input.Email")]
    [InlineData("/account/sign-in", "Input.Password")]
    [InlineData("/account/forgot-password", "Input.Email")]
    public async Task A_nul_in_an_anonymous_form_redisplays_the_form_with_a_message(string page, string field)
    {
        using var browser = app.AnonymousClient();
        var fields = new Dictionary<string, string> { ["Input.Email"] = "someone@example.org", ["Input.Password"] = "a-long-enough-password" };
        fields[field] = "a\0b";

        using var response = await PostRawFormAsync(browser, page, fields);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var (_, doc) = await TestApp.ParseAsync(response);
        doc.QuerySelector($"form input[name='{field}']").ShouldNotBeNull();
        doc.Body!.TextContent.ShouldContain("contient des caractères non autorisés");
    }

    [Fact]
    public async Task A_nul_in_the_join_form_redisplays_it_with_a_message()
    {
        using var browser = app.AnonymousClient();
        var page = $"/join/{DemoAccounts.ParisSlug}";
        var (_, form) = await TestApp.GetHtmlAsync(browser, page);
        var fields = form.QuerySelectorAll("form[method=post] input[name], form[method=post] textarea[name]")
            .Where(i => i.GetAttribute("type") is not ("checkbox" or "hidden" or "submit"))
            .ToDictionary(i => i.GetAttribute("name")!, i => "Valeur");
        fields.Count.ShouldBeGreaterThan(0);
        fields[fields.Keys.First(k => k.Contains("Email", StringComparison.OrdinalIgnoreCase))] = "a\0b@example.org";

        using var response = await PostRawFormAsync(browser, page, fields);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var (_, doc) = await TestApp.ParseAsync(response);
        doc.Body!.TextContent.ShouldContain("contient des caractères non autorisés");
    }

    [Fact]
    public async Task Remember_me_with_a_value_that_is_not_yes_or_no_redisplays_the_sign_in_form()
    {
        using var browser = app.AnonymousClient();

        using var response = await PostRawFormAsync(browser, "/account/sign-in", new()
        {
            ["Input.Email"] = "someone@example.org",
            ["Input.Password"] = "a-long-enough-password",
            ["Input.RememberMe"] = "maybe",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var (_, doc) = await TestApp.ParseAsync(response);
        doc.QuerySelector("input[name='Input.RememberMe'][type=checkbox]").ShouldNotBeNull();
    }

    [Fact]
    public async Task The_language_picker_sends_a_non_ascii_return_address_percent_encoded()
    {
        using var browser = app.AnonymousClient();

        using var response = await TestApp.PostFormAsync(browser, "/culture",
            new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = "/locations/café?q=été" }, formPageUrl: "/");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = string.Join("", response.Headers.GetValues("Location"));
        location.ShouldBe("/locations/caf%C3%A9?q=%C3%A9t%C3%A9");
        location.All(c => c is > ' ' and < '\u007F').ShouldBeTrue();
    }

    [Theory]
    [InlineData("\"email\":\"a\\u0000b@example.org\",\"password\":\"whatever it is\"", "email")]
    [InlineData("\"email\":\"someone@example.org\",\"password\":\"what\\u0001ever\"", "password")]
    [InlineData("\"email\":\"a\\ud800@example.org\",\"password\":\"whatever it is\"", "email")]
    public async Task Control_characters_in_json_are_a_400_naming_the_field(string members, string field)
    {
        using var anonymous = app.AnonymousClient();
        using var content = new StringContent("{" + members + "}", Encoding.UTF8, "application/json");

        using var response = await anonymous.PostAsync("/api/v1/auth/token", content);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty(field)[0].GetString()!.ShouldContain("caractères non autorisés");
    }

    [Theory]
    [InlineData("/api/v1/members?search=a%00b", "search")]
    [InlineData("/api/v1/locations?search=%01", "search")]
    [InlineData("/api/v1/audit?actorEmail=a%7F", "actorEmail")]
    public async Task Control_characters_in_a_query_are_a_400_naming_the_parameter(string url, string field)
    {
        using var api = await app.ClientForAsync(DemoAccounts.NetworkAdmin);

        using var response = await api.GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty(field)[0].GetString()!.ShouldContain("caractères non autorisés");
    }

    [Fact]
    public async Task A_control_character_in_a_page_query_is_the_bad_request_page()
    {
        using var browser = await app.BrowserClientAsync(DemoAccounts.NetworkAdmin);

        using var response = await browser.GetAsync("/admin/members?Search=a%00b");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var (_, doc) = await TestApp.ParseAsync(response);
        doc.QuerySelector("h1")!.TextContent.ShouldBe("Requête incorrecte");
    }

    [Fact]
    public async Task Text_is_stored_in_normal_form_c()
    {
        using var api = await app.ClientForAsync(DemoAccounts.NetworkAdmin);
        var decomposed = "Cafe\u0301 des " + Guid.NewGuid().ToString("N")[..6];

        var company = JsonSerializer.SerializeToNode(TestData.Company(TestData.NewSiren()))!.AsObject();
        company["legalName"] = decomposed;

        using var created = await api.PostAsJsonAsync("/api/v1/companies", company);

        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("legalName").GetString().ShouldBe(decomposed.Normalize(NormalizationForm.FormC));
    }

    [Theory]
    [InlineData("?to=9999-12-31")]
    [InlineData("?from=0001-01-01&to=9999-12-31")]
    [InlineData("?page=2147483647")]
    [InlineData("?page=2147483647&pageSize=100")]
    public async Task Extreme_dates_and_pages_of_the_audit_log_answer_without_error(string query)
    {
        var email = TestApp.NewEmail();
        await app.CreateUserAsync(email);
        using (var anonymous = app.AnonymousClient())
        {
            using var failed = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { email, password = "not the password" }); // audited
        }
        using var api = await app.ClientForAsync(DemoAccounts.NetworkAdmin);

        using var response = await api.GetAsync("/api/v1/audit" + query);

        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (query.Contains("page=", StringComparison.Ordinal))
        {
            page.GetProperty("items").GetArrayLength().ShouldBe(0, "a page far past the end holds nothing, not page 1's rows");
        }
        else
        {
            page.GetProperty("items").GetArrayLength().ShouldBeGreaterThan(0);
        }
    }

    [Fact]
    public async Task An_unknown_choice_in_a_form_is_a_french_message_next_to_its_field()
    {
        using var browser = await app.BrowserClientAsync(DemoAccounts.NetworkAdmin);
        var (_, list) = await TestApp.GetHtmlAsync(browser, "/admin/resources");
        var edit = list.QuerySelectorAll("a[href^='/admin/resources/edit/']").Select(a => a.GetAttribute("href")!).First(h => h.Length > "/admin/resources/edit/".Length);
        var (_, form) = await TestApp.GetHtmlAsync(browser, edit);
        var fields = TestApp.FormValues(form);
        fields["Input.Amenities"] = "Hoverboard";

        using var response = await TestApp.PostFormAsync(browser, edit, fields);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var (_, doc) = await TestApp.ParseAsync(response);
        var messages = string.Join(" | ", doc.QuerySelectorAll(".field-error, .field-validation-error, .validation-summary-errors, [role=alert]").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0));
        messages.ShouldContain("n'est pas valide");
        messages.ShouldNotContain("is not valid");
    }

    /// Posts fields as they are (NUL included) with the page's antiforgery token.
    private static async Task<HttpResponseMessage> PostRawFormAsync(HttpClient client, string url, Dictionary<string, string> fields)
    {
        var (_, doc) = await TestApp.GetHtmlAsync(client, url);
        fields["__RequestVerificationToken"] = doc.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var body = string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));
        using var content = new StringContent(body, Encoding.ASCII, "application/x-www-form-urlencoded");
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        return await client.PostAsync(url, content);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class EdgeInputTests_Sqlite(SqliteTestApp app) : EdgeInputTests(app);

[Collection(PostgresCollection.Name)]
public sealed class EdgeInputTests_Postgres(PostgresTestApp app) : EdgeInputTests(app);
