using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Common.Email;
using Cotravail.Modules.Community;
using Cotravail.Modules.Community.Projects;
using Cotravail.Modules.Demo;
using Cotravail.Modules.Privacy;
using Cotravail.Tests.Infrastructure;
using Cotravail.Tests.Modules.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Modules.Community;

/// The projects and partnerships board (ADR 28): a team gathers through interest and invitations, only the owner
/// decides, team cards keep each member's choices, location projects stay at their location, introductions are
/// recorded, bad input is refused by field, and an erased member leaves nothing behind.
public abstract class ProjectsTests(TestApp app)
{
    private const string Base = "/api/v1/community/projects";

    [Fact]
    public async Task A_team_of_three_from_different_trades_gathers_through_interest_and_invitation()
    {
        var owner = await PersonAsync(["public-tenders", "business-strategy"]);
        var developer = await PersonAsync(["web-development"], DemoAccounts.LyonSlug);
        var lawyer = await PersonAsync(["business-law"]);
        using var asOwner = await app.ClientForAsync(owner.Email);
        using var asDeveloper = await app.ClientForAsync(developer.Email);
        using var asLawyer = await app.ClientForAsync(lawyer.Email);
        var id = await CreateAsync(asOwner, skills: ["public-tenders", "web-development", "business-law", "ux-ui-design"]);

        (await asDeveloper.PostAsJsonAsync($"{Base}/{id}/interest", new { note = "Je code le portail" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var seenByOwner = await asOwner.GetFromJsonAsync<JsonElement>($"{Base}/{id}");
        var interested = seenByOwner.GetProperty("people").EnumerateArray().Single();
        interested.GetProperty("state").GetString().ShouldBe("Interested");
        interested.GetProperty("note").GetString().ShouldBe("Je code le portail");
        (await asOwner.PostAsJsonAsync($"{Base}/{id}/accept", new { memberId = developer.MemberId })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await asOwner.PostAsJsonAsync($"{Base}/{id}/invite", new { memberId = lawyer.MemberId })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await asLawyer.GetFromJsonAsync<JsonElement>($"{Base}/{id}")).GetProperty("myState").GetString().ShouldBe("Invited");
        (await asLawyer.PostAsJsonAsync($"{Base}/{id}/accept", new { })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var project = await asDeveloper.GetFromJsonAsync<JsonElement>($"{Base}/{id}");
        var team = project.GetProperty("team").EnumerateArray().ToList();
        team.Select(t => t.GetProperty("card").GetProperty("id").GetGuid()).ShouldBe([owner.MemberId, developer.MemberId, lawyer.MemberId], ignoreOrder: true);
        team.Single(t => t.GetProperty("isOwner").GetBoolean()).GetProperty("card").GetProperty("id").GetGuid().ShouldBe(owner.MemberId);
        var trades = team.Select(t => t.GetProperty("card").GetProperty("skills")[0].GetProperty("trade").GetString()).ToList();
        trades.Distinct().Count().ShouldBe(3, string.Join(", ", trades));
        project.GetProperty("coveredSkills").EnumerateArray().Select(s => s.GetString()).ShouldBe(["business-law", "public-tenders", "web-development"]);
        project.GetProperty("people").ValueKind.ShouldBe(JsonValueKind.Null); // who else is interested is the owner's business

        var mail = await MailAsync(owner.Email, lawyer.Email);
        mail.ShouldContain(m => m.To == owner.Email && m.TextBody.Contains("Je code le portail"));
        mail.ShouldContain(m => m.To == lawyer.Email && m.TextBody.Contains($"/community/projects/{id}"));
    }

    [Fact]
    public async Task Only_the_owner_invites_accepts_changes_and_closes()
    {
        var owner = await PersonAsync(["sales"]);
        var other = await PersonAsync(["seo"]);
        var third = await PersonAsync(["copywriting"]);
        using var asOwner = await app.ClientForAsync(owner.Email);
        using var asOther = await app.ClientForAsync(other.Email);
        using var asThird = await app.ClientForAsync(third.Email);
        var id = await CreateAsync(asOwner);
        (await asThird.PostAsJsonAsync($"{Base}/{id}/interest", new { note = "" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await asOther.PostAsJsonAsync($"{Base}/{id}/invite", new { memberId = third.MemberId })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await asOther.PostAsJsonAsync($"{Base}/{id}/accept", new { memberId = third.MemberId })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await asOther.PostAsJsonAsync($"{Base}/{id}/decline", new { memberId = third.MemberId })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await asOther.PostAsJsonAsync($"{Base}/{id}/close", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await asOther.PutAsJsonAsync($"{Base}/{id}", Body(title: "Taken over"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await asThird.PostAsJsonAsync($"{Base}/{id}/accept", new { })).StatusCode.ShouldBe(HttpStatusCode.BadRequest); // interest is no invitation
        (await asOther.GetFromJsonAsync<JsonElement>($"{Base}/{id}")).GetProperty("team").GetArrayLength().ShouldBe(1);
        var noChoices = await PrivacyPeople.CreateAsync(app); // never chose anything on the privacy page
        using var asNoChoices = await app.ClientForAsync(noChoices.Email);
        (await asNoChoices.PostAsJsonAsync($"{Base}/{id}/interest", new { note = "" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var people = (await asOwner.GetFromJsonAsync<JsonElement>($"{Base}/{id}")).GetProperty("people").EnumerateArray().ToList();
        var bare = people.Single(p => p.GetProperty("card").GetProperty("id").GetGuid() == noChoices.MemberId);
        bare.GetProperty("listed").GetBoolean().ShouldBeFalse();
        bare.GetProperty("card").GetProperty("email").ValueKind.ShouldBe(JsonValueKind.Null);

        (await asOwner.PutAsJsonAsync($"{Base}/{id}", Body(title: "Renamed"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var closed = await asOwner.PostAsJsonAsync($"{Base}/{id}/close", new { });
        closed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await closed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().ShouldBe("Closed");
        using var late = await asOther.PostAsJsonAsync($"{Base}/{id}/interest", new { note = "" });
        late.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var list = await asOther.GetFromJsonAsync<JsonElement>($"{Base}?pageSize=100");
        Ids(list).ShouldNotContain(id);
    }

    [Fact]
    public async Task Team_cards_show_each_member_only_as_they_chose()
    {
        var owner = await PersonAsync(["grants"]);
        var quiet = await PersonAsync(["accounting"], skills: Audience.Nobody, presentation: Audience.Nobody);
        var viewer = await PersonAsync(["translation"]);
        using var asOwner = await app.ClientForAsync(owner.Email);
        using var asQuiet = await app.ClientForAsync(quiet.Email);
        using var asViewer = await app.ClientForAsync(viewer.Email);
        var id = await CreateAsync(asOwner, skills: ["grants", "accounting"]);
        (await asQuiet.PostAsJsonAsync($"{Base}/{id}/interest", new { note = "secret note " + quiet.LastName })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await asOwner.PostAsJsonAsync($"{Base}/{id}/accept", new { memberId = quiet.MemberId })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var project = await asViewer.GetFromJsonAsync<JsonElement>($"{Base}/{id}");
        var card = project.GetProperty("team").EnumerateArray().Single(t => t.GetProperty("card").GetProperty("id").GetGuid() == quiet.MemberId).GetProperty("card");
        card.GetProperty("skills").GetArrayLength().ShouldBe(0);
        card.GetProperty("headline").ValueKind.ShouldBe(JsonValueKind.Null);
        card.GetProperty("email").ValueKind.ShouldBe(JsonValueKind.Null);
        project.GetProperty("coveredSkills").EnumerateArray().Select(s => s.GetString()).ShouldBe(["grants"]); // accounting is hidden, so not shown as covered
        var (html, _) = await TestApp.GetHtmlAsync(await app.BrowserClientAsync(viewer.Email), $"/community/projects/{id}");
        html.ShouldNotContain("Headline of " + quiet.LastName);
        html.ShouldNotContain("secret note");
        html.ShouldNotContain(quiet.Email);
    }

    [Fact]
    public async Task A_location_project_is_seen_only_at_its_location()
    {
        var owner = await PersonAsync(["event-organisation"]);
        var neighbour = await PersonAsync(["social-economy"]);
        var far = await PersonAsync(["social-economy"], DemoAccounts.LyonSlug);
        using var asOwner = await app.ClientForAsync(owner.Email);
        var id = await CreateAsync(asOwner, scope: "Location", skills: ["social-economy"]);

        using var asNeighbour = await app.ClientForAsync(neighbour.Email);
        using var asFar = await app.ClientForAsync(far.Email);
        (await asNeighbour.GetAsync($"{Base}/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        Ids(await asNeighbour.GetFromJsonAsync<JsonElement>($"{Base}?pageSize=100")).ShouldContain(id);
        (await asFar.GetAsync($"{Base}/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await asFar.PostAsJsonAsync($"{Base}/{id}/interest", new { note = "" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        Ids(await asFar.GetFromJsonAsync<JsonElement>($"{Base}?pageSize=100")).ShouldNotContain(id);
        using var parisManager = await app.ClientForAsync(DemoAccounts.ParisManager);
        using var lyonManager = await app.ClientForAsync(DemoAccounts.LyonManager);
        (await parisManager.GetAsync($"{Base}/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await lyonManager.GetAsync($"{Base}/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await TestApp.GetHtmlAsync(await app.BrowserClientAsync(far.Email), $"/community/projects/{id}", HttpStatusCode.NotFound)).Html.ShouldNotContain("Project " + owner.LastName);

        using var refused = await asOwner.PostAsJsonAsync($"{Base}/{id}/invite", new { memberId = far.MemberId }); // listed to the network, but not at Paris
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("memberId", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task An_introduction_is_recorded_and_the_introduced_member_is_told()
    {
        var owner = await PersonAsync(["fundraising"]);
        var introducer = await PersonAsync(["coaching"]);
        var introduced = await PersonAsync(["financial-planning"], DemoAccounts.LyonSlug);
        var unlisted = await PersonAsync(["financial-planning"], listing: Audience.Nobody);
        using var asOwner = await app.ClientForAsync(owner.Email);
        using var asIntroducer = await app.ClientForAsync(introducer.Email);
        using var asIntroduced = await app.ClientForAsync(introduced.Email);
        var id = await CreateAsync(asOwner, skills: ["financial-planning"]);

        (await asIntroducer.PostAsJsonAsync($"{Base}/{id}/introductions", new { memberId = introduced.MemberId })).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var hidden = await asIntroducer.PostAsJsonAsync($"{Base}/{id}/introductions", new { memberId = unlisted.MemberId });
        hidden.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await hidden.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("memberId", out _).ShouldBeTrue();

        var record = await app.WithDbAsync(db => db.Introductions.SingleAsync(i => i.ProjectId == id));
        record.IntroducerMemberId.ShouldBe(introducer.MemberId);
        record.IntroducedMemberId.ShouldBe(introduced.MemberId);
        record.CreatedAt.ShouldBeGreaterThan(app.Clock.GetUtcNow().UtcDateTime.AddMinutes(-5));
        var seen = await asIntroduced.GetFromJsonAsync<JsonElement>($"{Base}/{id}");
        seen.GetProperty("myState").GetString().ShouldBe("Introduced");
        seen.GetProperty("introducedBy").GetString().ShouldBe($"Solène {introducer.LastName}");
        (await MailAsync(introduced.Email)).ShouldContain(m => m.To == introduced.Email && m.TextBody.Contains(introducer.LastName));
        (await asIntroduced.PostAsJsonAsync($"{Base}/{id}/interest", new { note = "Merci !" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var byOwner = await asOwner.GetFromJsonAsync<JsonElement>($"{Base}/{id}");
        byOwner.GetProperty("introductions").EnumerateArray().Single().GetProperty("introducedId").GetGuid().ShouldBe(introduced.MemberId);
        byOwner.GetProperty("people").EnumerateArray().Single().GetProperty("state").GetString().ShouldBe("Interested");
    }

    [Fact]
    public async Task Saying_it_again_sends_no_second_email_interest_invitation_or_introduction()
    {
        var owner = await PersonAsync(["fundraising"]);
        var keen = await PersonAsync(["financial-planning"]);
        var invited = await PersonAsync(["accounting"]);
        var introducer = await PersonAsync(["coaching"]);
        var introduced = await PersonAsync(["financial-planning"], DemoAccounts.LyonSlug);
        using var asOwner = await app.ClientForAsync(owner.Email);
        using var asKeen = await app.ClientForAsync(keen.Email);
        using var asIntroducer = await app.ClientForAsync(introducer.Email);
        var id = await CreateAsync(asOwner, skills: ["financial-planning", "accounting"]);

        for (var i = 0; i < 3; i++)
        {
            (await asKeen.PostAsJsonAsync($"{Base}/{id}/interest", new { note = $"Note {i}" })).StatusCode.ShouldBe(HttpStatusCode.OK);
            (await asOwner.PostAsJsonAsync($"{Base}/{id}/invite", new { memberId = invited.MemberId })).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        (await asIntroducer.PostAsJsonAsync($"{Base}/{id}/introductions", new { memberId = introduced.MemberId })).StatusCode.ShouldBe(HttpStatusCode.OK);
        using (var again = await asIntroducer.PostAsJsonAsync($"{Base}/{id}/introductions", new { memberId = introduced.MemberId }))
        {
            again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            var problem = await again.Content.ReadFromJsonAsync<JsonElement>();
            problem.GetProperty("errors").GetProperty("memberId")[0].GetString().ShouldBe("Vous avez déjà signalé ce projet à ce membre.");
        }

        (await MailAsync(owner.Email)).Count.ShouldBe(1); // interest, once
        (await MailAsync(invited.Email)).Count.ShouldBe(1);
        (await MailAsync(introduced.Email)).Count.ShouldBe(1);
        (await app.WithDbAsync(db => db.Introductions.CountAsync(x => x.ProjectId == id))).ShouldBe(1);
        var byOwner = await asOwner.GetFromJsonAsync<JsonElement>($"{Base}/{id}");
        byOwner.GetProperty("people").EnumerateArray().Single(p => p.GetProperty("state").GetString() == "Interested")
            .GetProperty("note").GetString().ShouldBe("Note 2"); // the note is the latest said
    }

    [Fact]
    public async Task A_member_proposes_at_most_five_projects_a_day()
    {
        var owner = await PersonAsync(["fundraising"]);
        using var asOwner = await app.ClientForAsync(owner.Email);
        for (var i = 0; i < ProjectBoard.ProjectsPerDay; i++)
        {
            await CreateAsync(asOwner);
        }

        using var refused = await asOwner.PostAsJsonAsync(Base, Body(title: "Un de trop"));
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("title")[0].GetString()
            .ShouldBe("Vous avez proposé beaucoup de projets aujourd'hui : réessayez demain.");
        (await app.WithDbAsync(db => db.CommunityProjects.CountAsync(p => p.OwnerMemberId == owner.MemberId))).ShouldBe(ProjectBoard.ProjectsPerDay);
    }

    [Fact]
    public async Task The_same_introduction_sent_at_once_from_many_requests_is_recorded_once()
    {
        var owner = await PersonAsync(["fundraising"]);
        var introducer = await PersonAsync(["coaching"]);
        var introduced = await PersonAsync(["financial-planning"]);
        using var asOwner = await app.ClientForAsync(owner.Email);
        var id = await CreateAsync(asOwner, skills: ["financial-planning"]);
        var clients = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => app.ClientForAsync(introducer.Email)));

        var answers = await Task.WhenAll(clients.Select(c => c.PostAsJsonAsync($"{Base}/{id}/introductions", new { memberId = introduced.MemberId })));

        answers.Count(a => a.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        answers.Count(a => a.StatusCode == HttpStatusCode.Conflict).ShouldBe(5);
        (await app.WithDbAsync(db => db.Introductions.CountAsync(x => x.ProjectId == id))).ShouldBe(1);
        (await MailAsync(introduced.Email)).Count.ShouldBe(1);
        foreach (var c in clients)
        {
            c.Dispose();
        }
        foreach (var a in answers)
        {
            a.Dispose();
        }
    }

    [Fact]
    public async Task Bad_input_is_refused_with_the_field_named()
    {
        var owner = await PersonAsync(["seo"]);
        var unlisted = await PersonAsync(["seo"], listing: Audience.Nobody);
        using var client = await app.ClientForAsync(owner.Email);
        var yesterday = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(-2);

        foreach (var (body, field) in new (object Body, string Field)[]
        {
            (Body(deadline: yesterday), "deadline"),
            (Body(skills: ["seo", "astrology"]), "skills[1]"),
            (Body(skills: ["seo", "sales", "tax", "video", "video", "translation", "grants", "training", "coaching"]), "skills"),
            (Body(skills: []), "skills"),
            (Body(title: new string('t', 141)), "title"),
            (Body(title: ""), "title"),
        })
        {
            using var refused = await client.PostAsJsonAsync(Base, body);
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest, field);
            (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(field);
        }
        var id = await CreateAsync(client);
        using var invisible = await client.PostAsJsonAsync($"{Base}/{id}/invite", new { memberId = unlisted.MemberId });
        invisible.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await invisible.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("memberId", out _).ShouldBeTrue();
        using var unknownSkill = await client.GetAsync($"{Base}?skill=astrology");
        (await unknownSkill.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("skill", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task The_form_keeps_what_was_typed_when_a_field_is_refused()
    {
        var me = await PersonAsync(["video"]);
        using var browser = await app.BrowserClientAsync(me.Email);

        using var response = await TestApp.PostFormAsync(browser, "/community/projects/new", new Dictionary<string, string>
        {
            ["Input.Kind"] = "CallForPartners",
            ["Input.Title"] = "Documentaire sur le tiers-lieu",
            ["Input.Description"] = "Un film de 20 minutes",
            ["Input.Skills"] = "video",
            ["Input.Deadline"] = "2001-01-01",
            ["Input.Scope"] = "Location",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var (_, doc) = await TestApp.ParseAsync(response);
        doc.QuerySelector("#Input_Title")!.GetAttribute("value").ShouldBe("Documentaire sur le tiers-lieu");
        doc.QuerySelector("#Input_Description")!.TextContent.ShouldBe("Un film de 20 minutes");
        doc.QuerySelector("#need-video")!.HasAttribute("checked").ShouldBeTrue();
        doc.QuerySelector("#scope-location")!.HasAttribute("checked").ShouldBeTrue();
        doc.QuerySelector("#Input_Deadline")!.GetAttribute("value").ShouldBe("2001-01-01");
        doc.QuerySelector("#Input_Deadline-error")!.TextContent.ShouldNotBeEmpty();
        (await app.WithDbAsync(db => db.CommunityProjects.AnyAsync(p => p.OwnerMemberId == me.MemberId))).ShouldBeFalse();
    }

    [Fact]
    public async Task Projects_seeking_my_skills_come_first_and_feed_the_digest()
    {
        var me = await PersonAsync(["illustration"]);
        var owner = await PersonAsync(["journalism"]);
        using var asOwner = await app.ClientForAsync(owner.Email);
        var seeking = await CreateAsync(asOwner, skills: ["illustration", "journalism"]);
        var other = await CreateAsync(asOwner, skills: ["journalism"]); // newer, but not for me
        using var asMe = await app.ClientForAsync(me.Email);

        var list = await asMe.GetFromJsonAsync<JsonElement>($"{Base}?pageSize=100");
        var ids = Ids(list);
        ids.IndexOf(seeking).ShouldBeLessThan(ids.IndexOf(other));
        list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == seeking).GetProperty("seeksMySkills").GetBoolean().ShouldBeTrue();
        Ids(await asMe.GetFromJsonAsync<JsonElement>($"{Base}?skill=illustration&pageSize=100")).ShouldBe([seeking]);
        Ids(await asMe.GetFromJsonAsync<JsonElement>($"{Base}?trade=Design&pageSize=100")).ShouldContain(seeking);

        var digest = await app.WithDbAsync(async db => await ProjectBoard.ProjectsSeeking(await CommunityViewer.MemberOnlyAsync(me.MemberId, db, default), db, app.Clock, CancellationToken.None));
        digest.Select(p => p.Id).ShouldContain(seeking);
        digest.Select(p => p.Id).ShouldNotContain(other);
        var (_, page) = await TestApp.GetHtmlAsync(await app.BrowserClientAsync(me.Email), "/community/projects");
        page.QuerySelector($"a[href='/community/projects/{seeking}']").ShouldNotBeNull();
    }

    [Fact]
    public async Task An_erased_member_leaves_no_project_membership_or_introduction()
    {
        var leaving = await PersonAsync(["tax"]);
        var owner = await PersonAsync(["accounting"]);
        var friend = await PersonAsync(["training"]);
        using var asLeaving = await app.ClientForAsync(leaving.Email);
        using var asOwner = await app.ClientForAsync(owner.Email);
        using var asFriend = await app.ClientForAsync(friend.Email);
        var own = await CreateAsync(asLeaving, skills: ["tax", "training"]);
        (await asLeaving.PostAsJsonAsync($"{Base}/{own}/introductions", new { memberId = friend.MemberId })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var theirs = await CreateAsync(asOwner, skills: ["tax"]);
        (await asOwner.PostAsJsonAsync($"{Base}/{theirs}/invite", new { memberId = leaving.MemberId })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await asLeaving.PostAsJsonAsync($"{Base}/{theirs}/accept", new { })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await asFriend.PostAsJsonAsync($"{Base}/{theirs}/introductions", new { memberId = leaving.MemberId })).StatusCode.ShouldBe(HttpStatusCode.Conflict); // already on the team
        (await asOwner.PostAsJsonAsync($"{Base}/{theirs}/introductions", new { memberId = friend.MemberId })).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await asLeaving.PostAsJsonAsync("/api/v1/me/erase", new { password = DemoAccounts.Password })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await app.WithDbAsync(async db =>
        {
            (await db.CommunityProjects.AnyAsync(p => p.OwnerMemberId == leaving.MemberId || p.Id == own)).ShouldBeFalse();
            (await db.ProjectMembers.AnyAsync(m => m.MemberId == leaving.MemberId)).ShouldBeFalse();
            (await db.Introductions.AnyAsync(i => i.IntroducerMemberId == leaving.MemberId || i.IntroducedMemberId == leaving.MemberId)).ShouldBeFalse();
            (await db.Introductions.CountAsync(i => i.ProjectId == theirs)).ShouldBe(1); // the others' introduction stays
        });
        (await asOwner.GetFromJsonAsync<JsonElement>($"{Base}/{theirs}")).GetProperty("team").GetArrayLength().ShouldBe(1);
    }

    private async Task<Guid> CreateAsync(HttpClient client, string scope = "Network", string[]? skills = null)
    {
        using var response = await client.PostAsJsonAsync(Base, Body(skills: skills ?? ["seo"], scope: scope));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private object Body(string title = "Un projet", string[]? skills = null, DateOnly? deadline = null, string scope = "Network") => new
    {
        kind = "CallForPartners",
        title,
        description = "**Ensemble**",
        skills = skills ?? ["seo"],
        deadline = (deadline ?? DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(30)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        scope,
    };

    /// A member with a profile and offered skills, listed as asked (the network by default).
    private async Task<PrivacyPerson> PersonAsync(string[] offered, string home = DemoAccounts.ParisSlug,
        Audience listing = Audience.Network, Audience skills = Audience.Network, Audience presentation = Audience.Network)
    {
        var person = await PrivacyPeople.CreateAsync(app, home);
        await app.WithDbAsync(async db =>
        {
            var privacy = new MemberPrivacy(person.MemberId);
            privacy.Apply(new PrivacyChoices { Listing = listing, Presentation = presentation, Skills = skills }, new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc));
            db.Add(privacy);
            db.Add(new MemberProfile(person.MemberId) { Headline = "Headline of " + person.LastName, UpdatedAt = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc) });
            db.AddRange(offered.Select(s => new MemberSkill(person.MemberId, s, SkillUse.Offers)));
            await db.SaveChangesAsync();
        });
        return person;
    }

    private Task<List<OutboxMessage>> MailAsync(params string[] to) =>
        app.WithDbAsync(db => db.Set<OutboxMessage>().AsNoTracking().Where(m => to.Contains(m.To)).ToListAsync());

    private static List<Guid> Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];
}

[Collection(SqliteCollection.Name)]
public sealed class ProjectsTests_Sqlite(SqliteTestApp app) : ProjectsTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ProjectsTests_Postgres(PostgresTestApp app) : ProjectsTests(app);
