using Cotravail.Modules.Community;
using Cotravail.Modules.Community.Digest;
using Cotravail.Modules.Community.Projects;
using Cotravail.Modules.Community.Questions;
using Cotravail.Modules.Demo;
using Cotravail.Modules.Members;
using Cotravail.Modules.Privacy;
using Cotravail.Tests.Infrastructure;
using Cotravail.Tests.Modules.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Modules.Community;

/// The weekly community digest: only to members who asked for it, once a week whatever runs it, in their
/// language, with only what each person opened to the recipient, and never empty. Each test sends its own
/// Monday (Paris time), far from the other tests' dates.
public abstract class DigestTests(TestApp app)
{
    [Fact]
    public async Task Only_members_who_asked_get_it_once_a_week_in_their_language_even_when_two_passes_race()
    {
        var monday = new DateTime(2031, 3, 3, 9, 0, 0, DateTimeKind.Utc); // 10:00 in Paris
        var offerer = await PersonAsync(DemoAccounts.ParisSlug, Audience.Network, offers: ["public-tenders"]);
        var english = await PersonAsync(DemoAccounts.ParisSlug, Audience.Nobody, seeks: ["public-tenders"], digest: true, culture: "en");
        var french = await PersonAsync(DemoAccounts.ParisSlug, Audience.Nobody, seeks: ["public-tenders"], digest: true, culture: "fr");
        var notAsked = await PersonAsync(DemoAccounts.ParisSlug, Audience.Nobody, seeks: ["public-tenders"], digest: false);

        (await SendAsync(monday.AddDays(-1))).ShouldBe(0); // Sunday: not yet
        await Task.WhenAll(SendAsync(monday), SendAsync(monday), SendAsync(monday.AddHours(2)));
        await SendAsync(monday.AddHours(5));

        var toEnglish = (await app.EmailsToAsync(english.Email)).ShouldHaveSingleItem();
        toEnglish.Subject.ShouldBe("Your community this week");
        toEnglish.TextBody.ShouldContain(offerer.LastName);
        toEnglish.LinkTo("/community/profile").ShouldStartWith("/community/profile");
        var toFrench = (await app.EmailsToAsync(french.Email)).ShouldHaveSingleItem();
        toFrench.Culture.ShouldBe("fr");
        toFrench.Subject.ShouldBe("Votre communauté cette semaine");
        toFrench.TextBody.ShouldContain(offerer.LastName);
        (await app.EmailsToAsync(notAsked.Email)).ShouldBeEmpty();
        (await app.EmailsToAsync(offerer.Email)).ShouldBeEmpty();

        await SendAsync(monday.AddDays(7)); // the next Monday: the next digest
        (await app.EmailsToAsync(english.Email)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task New_members_appear_only_to_those_their_listing_reaches()
    {
        var monday = new DateTime(2031, 6, 2, 9, 0, 0, DateTimeKind.Utc);
        var joined = monday.AddDays(-3);
        var everyone = await PersonAsync(DemoAccounts.ParisSlug, Audience.Network, createdAt: joined);
        var parisOnly = await PersonAsync(DemoAccounts.ParisSlug, Audience.Location, createdAt: joined);
        var hidden = await PersonAsync(DemoAccounts.ParisSlug, Audience.Nobody, createdAt: joined);
        var tooOld = await PersonAsync(DemoAccounts.ParisSlug, Audience.Network, createdAt: monday.AddDays(-9));
        var atParis = await PersonAsync(DemoAccounts.ParisSlug, Audience.Nobody, digest: true, createdAt: monday.AddDays(-30));
        var atLyon = await PersonAsync(DemoAccounts.LyonSlug, Audience.Nobody, digest: true, createdAt: monday.AddDays(-30));

        await SendAsync(monday);

        var paris = (await app.EmailsToAsync(atParis.Email)).ShouldHaveSingleItem().TextBody;
        paris.ShouldContain(everyone.LastName);
        paris.ShouldContain(parisOnly.LastName);
        paris.ShouldContain("Headline of " + everyone.LastName);
        paris.ShouldNotContain(hidden.LastName);
        paris.ShouldNotContain(tooOld.LastName);
        var lyon = (await app.EmailsToAsync(atLyon.Email)).ShouldHaveSingleItem().TextBody;
        lyon.ShouldContain(everyone.LastName);
        lyon.ShouldNotContain(parisOnly.LastName);
        lyon.ShouldNotContain(hidden.LastName);
    }

    [Fact]
    public async Task Nothing_to_say_sends_nothing_and_claims_no_week()
    {
        var monday = new DateTime(2031, 9, 1, 9, 0, 0, DateTimeKind.Utc);
        var quiet = await PersonAsync(DemoAccounts.LyonSlug, Audience.Network, digest: true, createdAt: monday.AddDays(-60));

        await SendAsync(monday);

        (await app.EmailsToAsync(quiet.Email)).ShouldBeEmpty();
        (await app.WithDbAsync(db => db.CommunityDigests.AnyAsync(d => d.MemberId == quiet.MemberId))).ShouldBeFalse();
    }

    [Fact]
    public async Task The_digest_is_chosen_on_the_profile_page_and_in_the_api()
    {
        var person = await PrivacyPeople.CreateAsync(app);
        using var browser = await app.BrowserClientAsync(person.Email);
        var (_, page) = await TestApp.GetHtmlAsync(browser, "/community/profile");
        page.QuerySelector("#Input_WeeklyDigest")!.HasAttribute("checked").ShouldBeFalse(); // off by default

        using var saved = await TestApp.PostFormAsync(browser, "/community/profile", new Dictionary<string, string> { ["Input.WeeklyDigest"] = "true" });

        saved.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        using var api = await app.ClientForAsync(person.Email);
        var profile = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.JsonElement>(api, "/api/v1/me/community-profile");
        profile.GetProperty("weeklyDigest").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task Open_questions_and_projects_that_need_my_skills_are_in_it_but_not_those_hidden_from_me()
    {
        var monday = new DateTime(2031, 9, 1, 9, 0, 0, DateTimeKind.Utc);
        var skill = "video";
        var asker = await PersonAsync(DemoAccounts.ParisSlug, Audience.Network);
        var lyonAsker = await PersonAsync(DemoAccounts.LyonSlug, Audience.Network);
        var recipient = await PersonAsync(DemoAccounts.ParisSlug, Audience.Network, offers: [skill], digest: true, culture: "en");
        var tag = Guid.NewGuid().ToString("N")[..8];
        await app.WithDbAsync(async db =>
        {
            var lyon = await db.Members.Where(m => m.Id == lyonAsker.MemberId).Select(m => m.HomeLocationId).SingleAsync();
            var paris = await db.Members.Where(m => m.Id == asker.MemberId).Select(m => m.HomeLocationId).SingleAsync();
            CommunityQuestion Ask(Guid author, Guid location, QuestionScope scope, string title, DateTime at)
            {
                var question = new CommunityQuestion(author, location, scope, title, "Body", at);
                db.Add(question);
                db.Add(new CommunityQuestionSkill(question.Id, skill));
                return question;
            }
            Ask(asker.MemberId, paris, QuestionScope.Network, $"Mixing a podcast {tag}", monday.AddDays(-2));
            Ask(lyonAsker.MemberId, lyon, QuestionScope.Location, $"Lyon only {tag}", monday.AddDays(-2));
            Ask(asker.MemberId, paris, QuestionScope.Network, $"Last month {tag}", monday.AddDays(-30));
            var project = new CommunityProject(asker.MemberId, paris, monday.AddDays(-3))
            {
                Title = $"Documentary call {tag}", Scope = ProjectScope.Network, Status = ProjectStatus.Open, Deadline = new DateOnly(2099, 1, 1),
            };
            db.Add(project);
            db.Add(new ProjectSkill(project.Id, skill));
            await db.SaveChangesAsync();
        });

        await SendAsync(monday);

        var body = (await app.EmailsToAsync(recipient.Email)).ShouldHaveSingleItem().TextBody;
        body.ShouldContain("Open questions matching your skills");
        body.ShouldContain($"Mixing a podcast {tag}");
        body.ShouldNotContain($"Lyon only {tag}", customMessage: "a question asked at another location is not the recipient's to see");
        body.ShouldNotContain($"Last month {tag}", customMessage: "only the week's questions");
        body.ShouldContain("Projects seeking your skills");
        body.ShouldContain($"Documentary call {tag}");
    }

    private async Task<int> SendAsync(DateTime now)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DigestSender>().SendDueAsync(now, CancellationToken.None);
    }

    /// A member with a profile: listed (and all parts) to that audience, the skills given, the digest asked for or not.
    private async Task<PrivacyPerson> PersonAsync(string home, Audience audience, string[]? offers = null, string[]? seeks = null,
        bool digest = false, string? culture = null, DateTime? createdAt = null)
    {
        var person = await PrivacyPeople.CreateAsync(app, home);
        await app.WithDbAsync(async db =>
        {
            var privacy = new MemberPrivacy(person.MemberId);
            privacy.Apply(new PrivacyChoices { Listing = audience, Presentation = audience, Skills = audience }, new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc));
            db.Add(privacy);
            db.Add(new MemberProfile(person.MemberId) { Headline = "Headline of " + person.LastName, WeeklyDigest = digest, UpdatedAt = new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc) });
            db.AddRange((offers ?? []).Select(s => new MemberSkill(person.MemberId, s, SkillUse.Offers)));
            db.AddRange((seeks ?? []).Select(s => new MemberSkill(person.MemberId, s, SkillUse.Seeks)));
            var member = await db.Members.SingleAsync(m => m.Id == person.MemberId);
            member.CreatedAt = createdAt ?? new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            var user = await db.Users.SingleAsync(u => u.Id == person.UserId);
            user.PreferredCulture = culture;
            await db.SaveChangesAsync();
        });
        return person;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class DigestTests_Sqlite(SqliteTestApp app) : DigestTests(app);

[Collection(PostgresCollection.Name)]
public sealed class DigestTests_Postgres(PostgresTestApp app) : DigestTests(app);
