using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Modules.Demo;
using Cotravail.Tests.Infrastructure;

namespace Cotravail.Tests.Modules.Privacy;

public abstract class PrivacyNoticeTests(TestApp app)
{
    [Fact]
    public async Task The_privacy_policy_is_public_and_names_the_data_controller_and_the_privacy_contact()
    {
        var admin = await app.ClientForAsync(DemoAccounts.NetworkAdmin);
        var network = await admin.GetFromJsonAsync<JsonElement>("/api/v1/network");
        var body = JsonSerializer.Deserialize<Dictionary<string, object?>>(network.GetRawText())!;
        body["privacyContactEmail"] = "dpo@cotravail.example";
        (await admin.PutAsJsonAsync("/api/v1/network", body)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.GetFromJsonAsync<JsonElement>("/api/v1/network")).GetProperty("privacyContactEmail").GetString().ShouldBe("dpo@cotravail.example");
        using var anonymous = app.AnonymousClient();

        var (_, doc) = await TestApp.GetHtmlAsync(anonymous, "/privacy");

        var controller = doc.QuerySelector("#controller")!.TextContent;
        controller.ShouldContain(network.GetProperty("legalName").GetString()!);
        controller.ShouldContain(network.GetProperty("siren").GetString()!);
        controller.ShouldContain(network.GetProperty("city").GetString()!);
        doc.QuerySelector("#privacy-contact")!.GetAttribute("href").ShouldBe("mailto:dpo@cotravail.example");
        doc.QuerySelector("main a[href='/me/data']").ShouldNotBeNull();
        doc.QuerySelector("main a[href='/me/privacy']").ShouldNotBeNull();
        doc.QuerySelector("main table")!.TextContent.ShouldContain("10");
    }

    [Fact]
    public async Task The_privacy_policy_speaks_english_too_and_every_page_links_to_it()
    {
        using var anonymous = app.AnonymousClient();
        anonymous.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var (_, doc) = await TestApp.GetHtmlAsync(anonymous, "/privacy");
        doc.QuerySelector("h1")!.TextContent.ShouldBe("Privacy policy");
        var (_, home) = await TestApp.GetHtmlAsync(anonymous, "/");
        home.QuerySelector("footer a[href='/privacy']").ShouldNotBeNull();
    }

    [Fact]
    public async Task A_privacy_contact_that_is_not_an_email_is_refused_by_field()
    {
        var admin = await app.ClientForAsync(DemoAccounts.NetworkAdmin);
        var network = await admin.GetFromJsonAsync<JsonElement>("/api/v1/network");
        var body = JsonSerializer.Deserialize<Dictionary<string, object?>>(network.GetRawText())!;
        body["privacyContactEmail"] = "not an email";

        using var response = await admin.PutAsJsonAsync("/api/v1/network", body);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("privacyContactEmail", out _).ShouldBeTrue();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class PrivacyNoticeTests_Sqlite(SqliteTestApp app) : PrivacyNoticeTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PrivacyNoticeTests_Postgres(PostgresTestApp app) : PrivacyNoticeTests(app);
