using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Modules.Demo;
using Cotravail.Tests.Infrastructure;

namespace Cotravail.Tests.Modules.Members;

/// One definition per member field, seen from outside: the admin's, the joining and the profile inputs answer a
/// bad value the same way, through the API (French and English) and through their forms.
public abstract class MemberFieldsHttpTests(TestApp app)
{
    private sealed record Api(string Who, HttpMethod Method, string Url, string[] Fields);

    private sealed record Form(string Who, string Url, string[] Fields);

    private static readonly Api[] Apis =
    [
        new(DemoAccounts.NetworkAdmin, HttpMethod.Post, "/api/v1/members", ["firstName", "lastName", "email", "phone"]),
        new(DemoAccounts.NetworkAdmin, HttpMethod.Post, "/api/v1/invitations", ["firstName", "lastName", "email"]),
        new(DemoAccounts.Member, HttpMethod.Put, "/api/v1/me/profile", ["firstName", "lastName", "phone"]),
    ];

    private static readonly Form[] Forms =
    [
        new(DemoAccounts.NetworkAdmin, "/admin/members/edit", ["FirstName", "LastName", "Email", "Phone"]),
        new(DemoAccounts.NetworkAdmin, "/admin/invitations", ["FirstName", "LastName", "Email"]),
        new("", $"/join/{DemoAccounts.LyonSlug}", ["FirstName", "LastName", "Email", "Phone"]),
        new(DemoAccounts.Member, "/me/profile", ["FirstName", "LastName", "Phone"]),
    ];

    /// A field (its API name), a bad value and the first French message every input gives for it.
    public static TheoryData<string, string, string> Cases => new()
    {
        { "phone", "abc", "Téléphone n'a pas le format attendu." },
        { "phone", "12345", "Téléphone n'a pas le format attendu." },
        { "phone", new string('1', 31), "Téléphone doit compter au plus 30 caractères." },
        { "firstName", new string('x', 101), "Prénom doit compter au plus 100 caractères." },
        { "firstName", "   ", "Prénom est obligatoire." },
        { "lastName", "", "Nom est obligatoire." },
        { "email", "nope", "E-mail doit être une adresse e-mail valide." },
        { "email", new string('a', 250) + "@x.test", "E-mail doit être une adresse e-mail valide." },
        { "email", "аpple@example.com", "E-mail mélange des lettres d'alphabets différents (comme le latin et le cyrillique), à la manière des adresses trompeuses." },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_api_answers_a_bad_member_field_alike_wherever_it_is_sent(string field, string value, string french)
    {
        foreach (var language in new[] { "fr", "en" })
        {
            var answers = new List<(string Url, string[] Messages)>();
            foreach (var api in Apis.Where(a => a.Fields.Contains(field)))
            {
                answers.Add((api.Url, await ApiErrorsAsync(api, field, value, language)));
            }
            answers.Count.ShouldBeGreaterThanOrEqualTo(2);
            answers[0].Messages.ShouldNotBeEmpty();
            foreach (var (url, messages) in answers)
            {
                messages.ShouldBe(answers[0].Messages, $"{url} {field}=\"{value}\" ({language})");
            }
            if (language == "fr")
            {
                answers[0].Messages[0].ShouldBe(french);
            }
        }
    }

    [Fact]
    public async Task The_forms_answer_a_bad_member_field_as_the_api_does()
    {
        var browsers = new Dictionary<string, HttpClient>();
        try
        {
            foreach (var row in Cases)
            {
                var (field, value, french) = ((string)row[0], (string)row[1], (string)row[2]);
                var name = char.ToUpperInvariant(field[0]) + field[1..];
                foreach (var form in Forms.Where(f => f.Fields.Contains(name)))
                {
                    if (!browsers.TryGetValue(form.Who, out var browser))
                    {
                        browser = browsers[form.Who] = form.Who.Length == 0 ? app.AnonymousClient() : await app.BrowserClientAsync(form.Who);
                    }
                    using var response = await TestApp.PostFormAsync(browser, form.Url, new Dictionary<string, string> { [$"Input.{name}"] = value });
                    response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{form.Url} redisplays the form");
                    var (_, page) = await TestApp.ParseAsync(response);
                    page.QuerySelector($"#Input_{name}")!.GetAttribute("value").ShouldBe(value, $"{form.Url} keeps what was typed");
                    var error = page.QuerySelector($"#Input_{name}-error, [data-valmsg-for='Input.{name}']")!.TextContent.Trim();
                    error.ShouldBe(french, $"{form.Url} {name}=\"{value}\"");
                }
            }
        }
        finally
        {
            foreach (var browser in browsers.Values)
            {
                browser.Dispose();
            }
        }
    }

    private async Task<string[]> ApiErrorsAsync(Api api, string field, string value, string language)
    {
        var client = await app.ClientForAsync(api.Who);
        using var request = new HttpRequestMessage(api.Method, api.Url) { Content = JsonContent.Create(new Dictionary<string, string> { [field] = value }) };
        request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, $"{api.Url} {field}=\"{value}\"");
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        return errors.TryGetProperty(field, out var messages) ? [.. messages.EnumerateArray().Select(m => m.GetString()!)] : [];
    }
}

[Collection(SqliteCollection.Name)]
public sealed class MemberFieldsHttpTests_Sqlite(SqliteTestApp app) : MemberFieldsHttpTests(app);

[Collection(PostgresCollection.Name)]
public sealed class MemberFieldsHttpTests_Postgres(PostgresTestApp app) : MemberFieldsHttpTests(app);
