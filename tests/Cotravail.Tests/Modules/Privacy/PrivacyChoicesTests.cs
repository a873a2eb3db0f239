using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Modules.Demo;
using Cotravail.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Cotravail.Modules.Privacy;

namespace Cotravail.Tests.Modules.Privacy;

public abstract class PrivacyChoicesTests(TestApp app)
{
    private static readonly string[] Choices =
        ["listedInDirectory", "showPhoto", "showCompany", "showCategory", "showPhone", "showEmail", "showSkills", "sharePresence"];

    [Fact]
    public async Task A_new_member_has_every_privacy_choice_off()
    {
        var person = await PrivacyPeople.CreateAsync(app);
        using var client = await app.ClientForAsync(person.Email);

        var choices = await client.GetFromJsonAsync<JsonElement>("/api/v1/me/privacy");

        foreach (var name in Choices)
        {
            choices.GetProperty(name).GetBoolean().ShouldBeFalse(name);
        }
    }

    [Fact]
    public async Task A_member_turns_choices_on_and_off_for_themselves_only()
    {
        var person = await PrivacyPeople.CreateAsync(app);
        var other = await PrivacyPeople.CreateAsync(app);
        using var client = await app.ClientForAsync(person.Email);

        var saved = await client.PutAsJsonAsync("/api/v1/me/privacy", new { listedInDirectory = true, showCompany = true, sharePresence = true });
        saved.StatusCode.ShouldBe(HttpStatusCode.OK);

        var choices = await client.GetFromJsonAsync<JsonElement>("/api/v1/me/privacy");
        choices.GetProperty("listedInDirectory").GetBoolean().ShouldBeTrue();
        choices.GetProperty("showCompany").GetBoolean().ShouldBeTrue();
        choices.GetProperty("sharePresence").GetBoolean().ShouldBeTrue();
        choices.GetProperty("showPhone").GetBoolean().ShouldBeFalse();
        using var otherClient = await app.ClientForAsync(other.Email);
        (await otherClient.GetFromJsonAsync<JsonElement>("/api/v1/me/privacy")).GetProperty("listedInDirectory").GetBoolean().ShouldBeFalse();

        (await client.PutAsJsonAsync("/api/v1/me/privacy", new { showPhone = true })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var after = await client.GetFromJsonAsync<JsonElement>("/api/v1/me/privacy");
        after.GetProperty("listedInDirectory").GetBoolean().ShouldBeFalse();
        after.GetProperty("showPhone").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task An_account_without_membership_has_no_privacy_choices()
    {
        var email = TestApp.NewEmail("staff");
        await app.CreateUserAsync(email);
        using var client = await app.ClientForAsync(email);

        (await client.GetAsync("/api/v1/me/privacy")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.PutAsJsonAsync("/api/v1/me/privacy", new { listedInDirectory = true })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_privacy_page_starts_unticked_and_saves_the_members_choices()
    {
        var person = await PrivacyPeople.CreateAsync(app);
        using var browser = await app.BrowserClientAsync(person.Email);

        var (_, doc) = await TestApp.GetHtmlAsync(browser, "/me/privacy");
        doc.QuerySelectorAll("input[type=checkbox]").Length.ShouldBe(8);
        doc.QuerySelectorAll("input[type=checkbox]").ShouldAllBe(box => !box.HasAttribute("checked"));

        using var response = await TestApp.PostFormAsync(browser, "/me/privacy", new Dictionary<string, string>
        {
            ["Input.ListedInDirectory"] = "true",
            ["Input.ShowEmail"] = "true",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var row = await app.WithDbAsync(db => db.MemberPrivacy.AsNoTracking().SingleAsync(p => p.MemberId == person.MemberId));
        row.ListedInDirectory.ShouldBeTrue();
        row.ShowEmail.ShouldBeTrue();
        row.SharePresence.ShouldBeFalse();
        var (_, again) = await TestApp.GetHtmlAsync(browser, "/me/privacy");
        again.QuerySelector("#Input_ListedInDirectory")!.HasAttribute("checked").ShouldBeTrue();
    }

    [Fact]
    public void Staff_have_no_route_to_change_a_members_privacy_choices()
    {
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(r => r.Contains("privacy", StringComparison.OrdinalIgnoreCase))
            .Distinct().Order().ToList();

        routes.ShouldBe(["/api/v1/me/privacy", "/me/privacy", "/privacy"]);
    }

    [Fact]
    public async Task The_me_page_links_to_my_privacy_and_my_data()
    {
        // The demo member account.
        using var browser = await app.BrowserClientAsync(DemoAccounts.Member);

        var (_, doc) = await TestApp.GetHtmlAsync(browser, "/me");

        doc.QuerySelector("main a[href='/me/privacy']").ShouldNotBeNull();
        doc.QuerySelector("main a[href='/me/data']").ShouldNotBeNull();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class PrivacyChoicesTests_Sqlite(SqliteTestApp app) : PrivacyChoicesTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PrivacyChoicesTests_Postgres(PostgresTestApp app) : PrivacyChoicesTests(app);
