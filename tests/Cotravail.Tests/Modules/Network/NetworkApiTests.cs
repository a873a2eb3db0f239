using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Modules.Demo;
using Cotravail.Tests.Infrastructure;

namespace Cotravail.Tests.Modules.Network;

public abstract class NetworkApiTests(TestApp app)
{
    [Fact]
    public async Task Every_signed_in_person_reads_the_network_and_only_admins_change_it()
    {
        var member = await app.ClientForAsync(DemoAccounts.Member);
        var network = await member.GetFromJsonAsync<JsonElement>("/api/v1/network");
        network.GetProperty("legalName").GetString().ShouldNotBeNullOrEmpty();
        var body = JsonSerializer.Deserialize<Dictionary<string, object?>>(network.GetRawText())!;
        (await member.PutAsJsonAsync("/api/v1/network", body)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var manager = await app.ClientForAsync(DemoAccounts.ParisManager);
        (await manager.PutAsJsonAsync("/api/v1/network", body)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_demo_legal_identity_is_valid_and_an_admin_can_save_it()
    {
        var admin = await app.ClientForAsync(DemoAccounts.NetworkAdmin);
        var network = await admin.GetFromJsonAsync<JsonElement>("/api/v1/network");
        var body = JsonSerializer.Deserialize<Dictionary<string, object?>>(network.GetRawText())!;
        body["tagline"] = "Travailler ensemble, près de chez soi.";
        var response = await admin.PutAsJsonAsync("/api/v1/network", body);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await admin.GetFromJsonAsync<JsonElement>("/api/v1/network")).GetProperty("tagline").GetString().ShouldBe("Travailler ensemble, près de chez soi.");
    }

    [Fact]
    public async Task The_tagline_is_kept_in_both_languages_and_the_home_page_marks_the_french_fallback()
    {
        var admin = await app.ClientForAsync(DemoAccounts.NetworkAdmin);
        var before = await admin.GetFromJsonAsync<JsonElement>("/api/v1/network");
        var body = JsonSerializer.Deserialize<Dictionary<string, object?>>(before.GetRawText())!;
        try
        {
            body["tagline"] = "Travailler ensemble.";
            body["taglineEn"] = null;
            (await admin.PutAsJsonAsync("/api/v1/network", body)).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await HomeAsync("en")).ShouldContain("<p class=\"muted\" lang=\"fr\">Travailler ensemble.</p>");

            body["taglineEn"] = "Working together.";
            var saved = await admin.PutAsJsonAsync("/api/v1/network", body);
            (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("taglineEn").GetString().ShouldBe("Working together.");
            (await HomeAsync("en")).ShouldContain("<p class=\"muted\">Working together.</p>");
            (await HomeAsync("fr")).ShouldContain("<p class=\"muted\">Travailler ensemble.</p>");

            body["taglineEn"] = new string('x', 301);
            var refused = await admin.PutAsJsonAsync("/api/v1/network", body);
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("taglineEn", out _).ShouldBeTrue();
        }
        finally
        {
            var original = JsonSerializer.Deserialize<Dictionary<string, object?>>(before.GetRawText())!;
            (await admin.PutAsJsonAsync("/api/v1/network", original)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
    }

    private async Task<string> HomeAsync(string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await app.AnonymousClient().SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task A_network_without_vat_number_must_declare_the_franchise()
    {
        var admin = await app.ClientForAsync(DemoAccounts.NetworkAdmin);
        var network = await admin.GetFromJsonAsync<JsonElement>("/api/v1/network");
        var body = JsonSerializer.Deserialize<Dictionary<string, object?>>(network.GetRawText())!;
        body["vatNumber"] = null;
        body["vatFranchise"] = false;
        body["siret"] = "12345678900000";
        var response = await admin.PutAsJsonAsync("/api/v1/network", body);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.TryGetProperty("vatNumber", out _).ShouldBeTrue();
        errors.TryGetProperty("siret", out _).ShouldBeTrue();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class NetworkApiTests_Sqlite(SqliteTestApp app) : NetworkApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class NetworkApiTests_Postgres(PostgresTestApp app) : NetworkApiTests(app);
