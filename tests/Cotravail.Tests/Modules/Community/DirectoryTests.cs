using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Modules.Community;
using Cotravail.Modules.Demo;
using Cotravail.Modules.Privacy;
using Cotravail.Tests.Infrastructure;
using Cotravail.Tests.Modules.Privacy;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Modules.Community;

/// The directory shows each part of a profile only as widely as its member chose (ADR 26), finds skills by any
/// name, synonym or spelling, and refuses bad profiles field by field.
public abstract class DirectoryTests(TestApp app)
{
    [Fact]
    public async Task A_skill_is_found_by_a_synonym_in_either_language_with_or_without_accents()
    {
        var (lea, _) = await ListedAsync(Audience.Network, Audience.Network, Audience.Network, ["software-development"]);
        var viewer = await PrivacyPeople.CreateAsync(app, DemoAccounts.LyonSlug);
        using var client = await app.ClientForAsync(viewer.Email);

        foreach (var text in new[] { "developpeur", "Développeuse", "programmer", "DEV", "logiciel" })
        {
            var found = await client.GetFromJsonAsync<JsonElement>($"/api/v1/community/members?q={Uri.EscapeDataString(text)}&pageSize=100");
            Ids(found).ShouldContain(lea.MemberId, text);
            found.GetProperty("matchedSkills").EnumerateArray().Select(s => s.GetProperty("slug").GetString()).ShouldContain("software-development", text);
        }
        var other = await client.GetFromJsonAsync<JsonElement>("/api/v1/community/members?q=comptable&pageSize=100");
        Ids(other).ShouldNotContain(lea.MemberId);
    }

    [Fact]
    public async Task Each_part_is_shown_only_as_widely_as_its_member_chose()
    {
        // Paris members: one open to the network, one to their location only, one listed but keeping skills to nobody.
        var (network, _) = await ListedAsync(Audience.Network, Audience.Network, Audience.Network, ["ux-ui-design"]);
        var (local, _) = await ListedAsync(Audience.Location, Audience.Location, Audience.Location, ["ux-ui-design"]);
        var (quiet, quietTag) = await ListedAsync(Audience.Network, Audience.Nobody, Audience.Nobody, ["ux-ui-design"]);
        var paris = await PrivacyPeople.CreateAsync(app, DemoAccounts.ParisSlug);
        var lyon = await PrivacyPeople.CreateAsync(app, DemoAccounts.LyonSlug);
        using var atParis = await app.ClientForAsync(paris.Email);
        using var atLyon = await app.ClientForAsync(lyon.Email);

        var fromParis = Ids(await atParis.GetFromJsonAsync<JsonElement>("/api/v1/community/members?q=ux&pageSize=100"));
        fromParis.ShouldContain(network.MemberId);
        fromParis.ShouldContain(local.MemberId);
        fromParis.ShouldNotContain(quiet.MemberId); // listed, but its skills are nobody's business
        var fromLyon = Ids(await atLyon.GetFromJsonAsync<JsonElement>("/api/v1/community/members?q=ux&pageSize=100"));
        fromLyon.ShouldContain(network.MemberId);
        fromLyon.ShouldNotContain(local.MemberId);

        (await atLyon.GetAsync($"/api/v1/community/members/{local.MemberId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var quietCard = await atParis.GetFromJsonAsync<JsonElement>($"/api/v1/community/members/{quiet.MemberId}");
        quietCard.GetProperty("skills").GetArrayLength().ShouldBe(0);
        quietCard.GetProperty("headline").ValueKind.ShouldBe(JsonValueKind.Null);
        quietCard.GetProperty("email").ValueKind.ShouldBe(JsonValueKind.Null);
        var (_, page) = await TestApp.GetHtmlAsync(await app.BrowserClientAsync(paris.Email), $"/community/members/{quiet.MemberId}");
        page.Body!.TextContent.ShouldNotContain(quietTag);
        page.Body.TextContent.ShouldNotContain("Headline of " + quiet.LastName);
    }

    [Fact]
    public async Task A_member_who_chose_nobody_appears_on_no_community_route_for_anyone_else()
    {
        var (hidden, tag) = await ListedAsync(Audience.Nobody, Audience.Network, Audience.Network, ["seo", "copywriting"]);
        var (halfHidden, halfTag) = await ListedAsync(Audience.Network, Audience.Nobody, Audience.Nobody, ["seo"]);
        var seeker = await PrivacyPeople.CreateAsync(app, DemoAccounts.ParisSlug);
        await app.WithDbAsync(async db =>
        {
            db.Add(new MemberSkill(seeker.MemberId, "seo", SkillUse.Seeks));
            await db.SaveChangesAsync();
        });
        // Both have a photo that nobody else may see (hidden is not listed; halfHidden keeps its photo to nobody).
        var photos = new List<string>();
        foreach (var person in new[] { hidden, halfHidden })
        {
            using var own = await app.ClientForAsync(person.Email);
            using var saved = await own.PutAsync("/api/v1/me/community-profile/photo", MemberPhotoTests.Upload(MemberPhotoTests.Png()));
            var url = (await saved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("url").GetString()!;
            (await own.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.OK);
            photos.Add(url);
        }
        var secrets = new[] { hidden.LastName, hidden.MemberId.ToString(), tag, "Headline of " + hidden.LastName, halfTag, "Headline of " + halfHidden.LastName,
            photos[0].Split("?v=")[1], photos[1].Split("?v=")[1] };
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods.Contains("GET") != false)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(r => r.StartsWith("/community", StringComparison.Ordinal) || r.StartsWith("/api/v1/community", StringComparison.Ordinal))
            .Distinct().ToList();
        routes.Count.ShouldBeGreaterThanOrEqualTo(7);

        foreach (var viewerEmail in new[] { seeker.Email, DemoAccounts.NetworkAdmin, DemoAccounts.ParisManager })
        {
            using var api = await app.ClientForAsync(viewerEmail);
            using var browser = await app.BrowserClientAsync(viewerEmail);
            foreach (var url in photos)
            {
                (await browser.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound, $"{viewerEmail} {url}");
                (await api.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.NotFound, $"{viewerEmail} {url}");
            }
            foreach (var route in routes)
            {
                foreach (var id in new[] { hidden.MemberId, halfHidden.MemberId })
                {
                    foreach (var query in new[] { "", "?q=seo", $"?q={Uri.EscapeDataString(tag)}", $"?q={hidden.LastName}", "?trade=Marketing", "?openToMissions=true" })
                    {
                        var url = route.Replace("{id:guid}", id.ToString(), StringComparison.Ordinal) + query;
                        using var response = await (route.StartsWith("/api", StringComparison.Ordinal) ? api : browser).GetAsync(url);
                        var body = await response.Content.ReadAsStringAsync();
                        // What the request itself carries may be echoed (the search box, a problem's instance).
                        foreach (var secret in secrets.Where(s => !url.Contains(s, StringComparison.OrdinalIgnoreCase)))
                        {
                            body.ShouldNotContain(secret, Case.Insensitive, $"{viewerEmail} {url}");
                        }
                    }
                }
            }
        }
    }

    [Fact]
    public async Task Staff_see_who_opted_out_only_as_a_count()
    {
        var (listed, _) = await ListedAsync(Audience.Network, Audience.Network, Audience.Network, ["sales"]);
        var notListed = await PrivacyPeople.CreateAsync(app, DemoAccounts.ParisSlug);
        using var manager = await app.ClientForAsync(DemoAccounts.ParisManager);

        var found = await manager.GetFromJsonAsync<JsonElement>("/api/v1/community/members?pageSize=100");

        found.GetProperty("optedOut").GetInt32().ShouldBeGreaterThan(0);
        Ids(found).ShouldContain(listed.MemberId);
        Ids(found).ShouldNotContain(notListed.MemberId);
        using var member = await app.ClientForAsync(notListed.Email);
        (await member.GetFromJsonAsync<JsonElement>("/api/v1/community/members")).GetProperty("optedOut").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Complementary_members_offer_what_I_seek()
    {
        var (lawyer, _) = await ListedAsync(Audience.Network, Audience.Network, Audience.Network, ["business-law", "intellectual-property"]);
        var me = await PrivacyPeople.CreateAsync(app, DemoAccounts.LyonSlug);
        using var client = await app.ClientForAsync(me.Email);
        (await client.PutAsJsonAsync("/api/v1/me/community-profile", new { seekingSkills = new[] { "business-law", "intellectual-property" } }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var suggestions = await client.GetFromJsonAsync<JsonElement>("/api/v1/community/suggestions");

        suggestions.EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ShouldContain(lawyer.MemberId);
    }

    [Fact]
    public async Task A_profile_is_saved_through_the_api_and_bad_fields_are_named()
    {
        var me = await PrivacyPeople.CreateAsync(app);
        using var client = await app.ClientForAsync(me.Email);

        var saved = await client.PutAsJsonAsync("/api/v1/me/community-profile", new
        {
            headline = "Juriste et traductrice",
            bio = "**Contrats** et *traductions*",
            skills = new[] { "business-law", "translation" },
            seekingSkills = new[] { "web-development" },
            tags = new[] { "Droit du numérique", "droit du numerique" },
            languages = new[] { "fr", "en" },
            links = new[] { "https://example.org/moi" },
            openToMissions = true,
        });
        saved.StatusCode.ShouldBe(HttpStatusCode.OK);
        var profile = await client.GetFromJsonAsync<JsonElement>("/api/v1/me/community-profile");
        profile.GetProperty("tags").GetArrayLength().ShouldBe(1); // the same tag folded
        profile.GetProperty("skills").EnumerateArray().Select(s => s.GetString()).ShouldBe(["business-law", "translation"]);

        foreach (var (body, field) in new (object Body, string Field)[]
        {
            (new { skills = new[] { "translation", "astrology" } }, "skills[1]"),
            (new { links = new[] { "javascript:alert(1)" } }, "links[0]"),
            (new { tags = new[] { new string('x', 41) } }, "tags[0]"),
            (new { languages = new[] { "xx" } }, "languages[0]"),
            (new { headline = new string('h', 121) }, "headline"),
        })
        {
            using var refused = await client.PutAsJsonAsync("/api/v1/me/community-profile", body);
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest, field);
            (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(field);
        }
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/me/community-profile")).GetProperty("headline").GetString().ShouldBe("Juriste et traductrice");
    }

    [Fact]
    public async Task The_profile_form_keeps_what_was_typed_when_a_field_is_refused()
    {
        var me = await PrivacyPeople.CreateAsync(app);
        using var browser = await app.BrowserClientAsync(me.Email);

        using var response = await TestApp.PostFormAsync(browser, "/community/profile", new Dictionary<string, string>
        {
            ["Input.Headline"] = "Menuisière",
            ["Input.Bio"] = "Meubles sur mesure",
            ["Input.Skills"] = "woodworking",
            ["Input.Links"] = "ftp://old.example.org",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var (_, doc) = await TestApp.ParseAsync(response);
        doc.QuerySelector("#Input_Headline")!.GetAttribute("value").ShouldBe("Menuisière");
        doc.QuerySelector("#Input_Bio")!.TextContent.ShouldBe("Meubles sur mesure");
        doc.QuerySelector("#offer-woodworking")!.HasAttribute("checked").ShouldBeTrue();
        doc.QuerySelector("#Input_Links-error")!.TextContent.ShouldNotBeEmpty();
        (await app.WithDbAsync(db => db.MemberProfiles.AnyAsync(p => p.MemberId == me.MemberId))).ShouldBeFalse();
    }

    [Fact]
    public async Task The_directory_page_finds_a_member_by_a_french_synonym()
    {
        var (lea, _) = await ListedAsync(Audience.Network, Audience.Network, Audience.Network, ["graphic-design"]);
        var viewer = await PrivacyPeople.CreateAsync(app, DemoAccounts.LyonSlug);
        using var browser = await app.BrowserClientAsync(viewer.Email);

        var (_, doc) = await TestApp.GetHtmlAsync(browser, "/community?q=graphiste");

        doc.QuerySelector($"a[href='/community/members/{lea.MemberId}']").ShouldNotBeNull();
        doc.QuerySelector("main")!.TextContent.ShouldContain("Headline of " + lea.LastName);
    }

    [Fact]
    public async Task A_program_walks_every_result_by_cursor_in_the_order_of_the_pages()
    {
        var shared = "walk" + Guid.NewGuid().ToString("N")[..10];
        var five = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            var (person, _) = await ListedAsync(Audience.Network, Audience.Network, Audience.Network, ["copywriting"]);
            await app.WithDbAsync(async db =>
            {
                db.Add(new MemberTag(person.MemberId, shared));
                await db.SaveChangesAsync();
            });
            five.Add(person.MemberId);
        }
        var viewer = await PrivacyPeople.CreateAsync(app, DemoAccounts.LyonSlug);
        using var client = await app.ClientForAsync(viewer.Email);
        var search = $"/api/v1/community/members?q={shared}&pageSize=2";

        var pages = new List<Guid>();
        for (var number = 1; number <= 3; number++)
        {
            pages.AddRange(Ids(await client.GetFromJsonAsync<JsonElement>($"{search}&page={number}")));
        }
        var walked = new List<Guid>();
        var steps = new List<JsonElement>();
        string? after = null;
        do
        {
            var step = await client.GetFromJsonAsync<JsonElement>(after is null ? search : $"{search}&after={after}");
            steps.Add(step);
            walked.AddRange(Ids(step));
            after = step.GetProperty("next").ValueKind == JsonValueKind.Null ? null : step.GetProperty("next").GetGuid().ToString();
        }
        while (after is not null && steps.Count < 10);

        pages.ShouldBe(five.OrderByDescending(id => id).ToList()); // newest first: ids are time-ordered
        walked.ShouldBe(pages);
        steps.Count.ShouldBe(3);
        steps.Select(s => s.GetProperty("totalCount").GetInt32()).ShouldBe([5, 3, 1]); // what remains after each cursor
        var first = await client.GetFromJsonAsync<JsonElement>($"{search}&page=1");
        first.GetProperty("next").GetGuid().ShouldBe(pages[1]);

        foreach (var (query, field) in new[] { ($"{search}&page=2&after={pages[1]}", "after"), ($"{search}&after=not-a-cursor", "after") })
        {
            using var refused = await client.GetAsync(query);
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest, query);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldContain(field, query);
        }
    }

    /// A Paris member with a profile, skills and a unique tag, and the given choices; returns them and the tag.
    private async Task<(PrivacyPerson Person, string Tag)> ListedAsync(Audience listing, Audience presentation, Audience skills, string[] offered)
    {
        var person = await PrivacyPeople.CreateAsync(app, DemoAccounts.ParisSlug);
        var tag = "tag" + Guid.NewGuid().ToString("N")[..10];
        await app.WithDbAsync(async db =>
        {
            var privacy = new MemberPrivacy(person.MemberId);
            privacy.Apply(new PrivacyChoices { Listing = listing, Presentation = presentation, Skills = skills }, new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc));
            db.Add(privacy);
            db.Add(new MemberProfile(person.MemberId) { Headline = "Headline of " + person.LastName, OpenToMissions = true, UpdatedAt = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc) });
            db.AddRange(offered.Select(s => new MemberSkill(person.MemberId, s, SkillUse.Offers)));
            db.Add(new MemberTag(person.MemberId, tag));
            await db.SaveChangesAsync();
        });
        return (person, tag);
    }

    private static List<Guid> Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];
}

[Collection(SqliteCollection.Name)]
public sealed class DirectoryTests_Sqlite(SqliteTestApp app) : DirectoryTests(app);

[Collection(PostgresCollection.Name)]
public sealed class DirectoryTests_Postgres(PostgresTestApp app) : DirectoryTests(app);
