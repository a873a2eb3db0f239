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
    private static readonly string[] Parts = ["listing", "photo", "company", "category", "phone", "email", "presentation", "skills"];

    [Fact]
    public async Task A_new_member_has_every_privacy_choice_off()
    {
        var person = await PrivacyPeople.CreateAsync(app);
        using var client = await app.ClientForAsync(person.Email);

        var choices = await client.GetFromJsonAsync<JsonElement>("/api/v1/me/privacy");

        foreach (var name in Parts)
        {
            choices.GetProperty(name).GetString().ShouldBe("Nobody", name);
        }
        choices.GetProperty("sharePresence").GetBoolean().ShouldBeFalse();
    }

    [Fact]
    public async Task A_member_turns_choices_on_and_off_for_themselves_only()
    {
        var person = await PrivacyPeople.CreateAsync(app);
        var other = await PrivacyPeople.CreateAsync(app);
        using var client = await app.ClientForAsync(person.Email);

        var saved = await client.PutAsJsonAsync("/api/v1/me/privacy", new { listing = "Network", company = "Location", sharePresence = true });
        saved.StatusCode.ShouldBe(HttpStatusCode.OK);

        var choices = await client.GetFromJsonAsync<JsonElement>("/api/v1/me/privacy");
        choices.GetProperty("listing").GetString().ShouldBe("Network");
        choices.GetProperty("company").GetString().ShouldBe("Location");
        choices.GetProperty("sharePresence").GetBoolean().ShouldBeTrue();
        choices.GetProperty("phone").GetString().ShouldBe("Nobody");
        using var otherClient = await app.ClientForAsync(other.Email);
        (await otherClient.GetFromJsonAsync<JsonElement>("/api/v1/me/privacy")).GetProperty("listing").GetString().ShouldBe("Nobody");

        (await client.PutAsJsonAsync("/api/v1/me/privacy", new { phone = "Location" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var after = await client.GetFromJsonAsync<JsonElement>("/api/v1/me/privacy");
        after.GetProperty("listing").GetString().ShouldBe("Nobody");
        after.GetProperty("phone").GetString().ShouldBe("Location");

        using var bad = await client.PutAsJsonAsync("/api/v1/me/privacy", new { skills = "Everyone" });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("skills");
    }

    [Fact]
    public async Task An_account_without_membership_has_no_privacy_choices()
    {
        var email = TestApp.NewEmail("staff");
        await app.CreateUserAsync(email);
        using var client = await app.ClientForAsync(email);

        (await client.GetAsync("/api/v1/me/privacy")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await client.PutAsJsonAsync("/api/v1/me/privacy", new { listing = "Network" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_privacy_page_starts_unticked_and_saves_the_members_choices()
    {
        var person = await PrivacyPeople.CreateAsync(app);
        using var browser = await app.BrowserClientAsync(person.Email);

        var (_, doc) = await TestApp.GetHtmlAsync(browser, "/me/privacy");
        doc.QuerySelectorAll("input[type=radio][value=Nobody]").Length.ShouldBe(8);
        doc.QuerySelectorAll("input[type=radio][checked]").ShouldAllBe(radio => radio.GetAttribute("value") == "Nobody");
        doc.QuerySelectorAll("input[type=checkbox]").ShouldAllBe(box => !box.HasAttribute("checked"));

        using var response = await TestApp.PostFormAsync(browser, "/me/privacy", new Dictionary<string, string>
        {
            ["Input.Listing"] = "Network",
            ["Input.Email"] = "Location",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var row = await app.WithDbAsync(db => db.MemberPrivacy.AsNoTracking().SingleAsync(p => p.MemberId == person.MemberId));
        row.Listing.ShouldBe(Audience.Network);
        row.Email.ShouldBe(Audience.Location);
        row.Skills.ShouldBe(Audience.Nobody);
        row.SharePresence.ShouldBeFalse();
        var (_, again) = await TestApp.GetHtmlAsync(browser, "/me/privacy");
        again.QuerySelector("input[name='Input.Listing'][value=Network]")!.HasAttribute("checked").ShouldBeTrue();
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
