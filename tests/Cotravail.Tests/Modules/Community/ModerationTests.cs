using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Common.Audit;
using Cotravail.Modules.Community;
using Cotravail.Modules.Community.Moderation;
using Cotravail.Modules.Community.Projects;
using Cotravail.Modules.Community.Questions;
using Cotravail.Modules.Demo;
using Cotravail.Modules.Privacy;
using Cotravail.Tests.Infrastructure;
using Cotravail.Tests.Modules.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Modules.Community;

/// Moderation (ADR 30): a member reports a post, the managers of its location hide it with a reason (or dismiss the
/// reports, or unhide it); hidden posts are gone for other members everywhere, shown marked to their author, who is
/// told; each decision is audited once even when two staff act at once; reports go with the account.
public abstract class ModerationTests(TestApp app)
{
    private const string Queue = "/api/v1/admin/community/moderation";

    [Fact]
    public async Task A_reported_question_hidden_by_its_manager_is_gone_for_members_marked_for_its_author_who_is_told_and_it_is_audited()
    {
        var author = await PrivacyPeople.CreateAsync(app);
        var reporter = await PrivacyPeople.CreateAsync(app);
        var reader = await PrivacyPeople.CreateAsync(app, DemoAccounts.LyonSlug);
        await OffersAsync(reader.MemberId, "seo");
        using var authorClient = await app.ClientForAsync(author.Email);
        using var reporterClient = await app.ClientForAsync(reporter.Email);
        using var readerClient = await app.ClientForAsync(reader.Email);
        var id = await AskAsync(authorClient, "Network", "seo");

        using (var reported = await reporterClient.PostAsJsonAsync("/api/v1/community/reports", new { kind = "Question", postId = id, reason = "Spam", note = "Pub déguisée" }))
        {
            reported.StatusCode.ShouldBe(HttpStatusCode.Created);
        }
        // One open report per member and post (409, documented); never one's own post.
        await ExpectFieldAsync(await reporterClient.PostAsJsonAsync("/api/v1/community/reports", new { kind = "Question", postId = id, reason = "Other" }), HttpStatusCode.Conflict, "postId");
        await ExpectFieldAsync(await authorClient.PostAsJsonAsync("/api/v1/community/reports", new { kind = "Question", postId = id, reason = "Spam" }), HttpStatusCode.Conflict, "postId");

        // A manager of another location sees nothing of it and may not act on it.
        using var lyon = await app.ClientForAsync(DemoAccounts.LyonManager);
        (await QueuedAsync(lyon)).ShouldNotContain(id);
        (await lyon.PostAsJsonAsync($"{Queue}/questions/{id}/hide", new { reason = "Nope" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var paris = await app.ClientForAsync(DemoAccounts.ParisManager);
        var queue = await paris.GetFromJsonAsync<JsonElement>(Queue);
        // The demo's reported question and hidden answer are there for the demo manager.
        queue.GetProperty("reported").EnumerateArray().ShouldContain(p => p.GetProperty("title").GetString()!.StartsWith("Devenez rentier", StringComparison.Ordinal));
        queue.GetProperty("hidden").EnumerateArray().ShouldContain(p => p.GetProperty("kind").GetString() == "Answer");
        var item = queue.GetProperty("reported").EnumerateArray().Single(p => p.GetProperty("id").GetGuid() == id);
        item.GetProperty("openReports").GetInt32().ShouldBe(1);
        item.GetProperty("reasons")[0].GetProperty("reason").GetString().ShouldBe("Spam");
        item.GetProperty("notes")[0].GetString().ShouldBe("Pub déguisée");
        item.GetProperty("body").GetString().ShouldBe("Who knows?");
        using (var browser = await app.BrowserClientAsync(DemoAccounts.ParisManager))
        {
            var (_, page) = await TestApp.GetHtmlAsync(browser, "/admin/community/moderation");
            page.QuerySelector($"#post-{id}")!.TextContent.ShouldContain("Pub déguisée");
        }

        using (var hidden = await paris.PostAsJsonAsync($"{Queue}/questions/{id}/hide", new { reason = "Publicité : voir la charte" }))
        {
            hidden.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await hidden.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("hiddenReason").GetString().ShouldBe("Publicité : voir la charte");
        }
        (await QueuedAsync(paris)).ShouldNotContain(id);

        // Gone for other members: API thread and list, page, digest.
        (await readerClient.GetAsync($"/api/v1/community/questions/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var list = await readerClient.GetFromJsonAsync<JsonElement>("/api/v1/community/questions?pageSize=100");
        list.GetProperty("items").EnumerateArray().Select(q => q.GetProperty("id").GetGuid()).ShouldNotContain(id);
        using (var browser = await app.BrowserClientAsync(reader.Email))
        {
            await TestApp.GetHtmlAsync(browser, $"/community/questions/{id}", HttpStatusCode.NotFound);
        }
        var digest = await app.WithDbAsync(async db => await AskNeighbour.OpenQuestionsMatchingAsync(await CommunityViewer.MemberOnlyAsync(reader.MemberId, db, default), app.Clock.GetUtcNow().UtcDateTime.AddDays(-7), db, default));
        digest.Select(q => q.Id).ShouldNotContain(id);
        (await reporterClient.PostAsJsonAsync("/api/v1/community/reports", new { kind = "Question", postId = id, reason = "Spam" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Its author still reads it, marked, and is told in the app and by email (in French: no language chosen).
        var mine = await authorClient.GetFromJsonAsync<JsonElement>($"/api/v1/community/questions/{id}");
        mine.GetProperty("hiddenReason").GetString().ShouldBe("Publicité : voir la charte");
        using (var browser = await app.BrowserClientAsync(author.Email))
        {
            var (_, page) = await TestApp.GetHtmlAsync(browser, $"/community/questions/{id}");
            page.QuerySelector("#question-hidden")!.TextContent.ShouldContain("Publicité : voir la charte");
        }
        var notices = await authorClient.GetFromJsonAsync<JsonElement>("/api/v1/me/notifications");
        notices.GetProperty("items").EnumerateArray().ShouldContain(n => n.GetProperty("kind").GetString() == "QuestionHidden"
            && n.GetProperty("detail").GetString() == "Publicité : voir la charte" && n.GetProperty("questionId").GetGuid() == id);
        var email = await app.WithDbAsync(db => db.Outbox.SingleAsync(m => m.To == author.Email));
        email.TextBody.ShouldContain("Publicité : voir la charte");
        email.Culture.ShouldBe("fr");

        // Twice is refused, audited once; the report is upheld.
        (await paris.PostAsJsonAsync($"{Queue}/questions/{id}/hide", new { reason = "Encore" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await AuditedAsync(AuditActions.CommunityPostHidden, id)).ShouldBe(1);
        (await app.WithDbAsync(db => db.CommunityReports.SingleAsync(r => r.PostId == id))).Status.ShouldBe(ReportStatus.Upheld);

        // Unhidden, it is back for everyone.
        (await paris.PostAsync($"{Queue}/questions/{id}/unhide", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await readerClient.GetAsync($"/api/v1/community/questions/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await AuditedAsync(AuditActions.CommunityPostUnhidden, id)).ShouldBe(1);
        (await paris.PostAsync($"{Queue}/questions/{id}/unhide", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Reports_on_an_answer_are_dismissed_and_a_hidden_answer_or_project_disappears_for_other_members()
    {
        var asker = await PrivacyPeople.CreateAsync(app);
        var answerer = await PrivacyPeople.CreateAsync(app);
        var reader = await PrivacyPeople.CreateAsync(app);
        await OffersAsync(reader.MemberId, "copywriting");
        using var askerClient = await app.ClientForAsync(asker.Email);
        using var answererClient = await app.ClientForAsync(answerer.Email);
        using var readerClient = await app.ClientForAsync(reader.Email);
        var id = await AskAsync(askerClient, "Location", "tax");
        using var answered = await answererClient.PostAsJsonAsync($"/api/v1/community/questions/{id}/answers", new { body = "Call me at 06 12 34 56 78" });
        var answerId = (await answered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("answers")[0].GetProperty("id").GetGuid();
        using var paris = await app.ClientForAsync(DemoAccounts.ParisManager);

        (await readerClient.PostAsJsonAsync("/api/v1/community/reports", new { kind = "Answer", postId = answerId, reason = "Offensive" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await paris.PostAsync($"{Queue}/answers/{answerId}/dismiss", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await paris.PostAsync($"{Queue}/answers/{answerId}/dismiss", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await AuditedAsync(AuditActions.CommunityReportsDismissed, answerId)).ShouldBe(1);
        (await QueuedAsync(paris)).ShouldNotContain(answerId);
        (await AnswersSeenAsync(readerClient, id)).ShouldContain(answerId);

        // A dismissed report may be made again; hiding the answer upholds it.
        (await readerClient.PostAsJsonAsync("/api/v1/community/reports", new { kind = "Answer", postId = answerId, reason = "PersonalData" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await paris.PostAsJsonAsync($"{Queue}/answers/{answerId}/hide", new { reason = "Numéro de téléphone" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await AnswersSeenAsync(readerClient, id)).ShouldNotContain(answerId);
        (await AnswersSeenAsync(askerClient, id)).ShouldNotContain(answerId);
        var own = await answererClient.GetFromJsonAsync<JsonElement>($"/api/v1/community/questions/{id}");
        own.GetProperty("answers").EnumerateArray().Single(a => a.GetProperty("id").GetGuid() == answerId).GetProperty("hiddenReason").GetString().ShouldBe("Numéro de téléphone");
        var list = await readerClient.GetFromJsonAsync<JsonElement>("/api/v1/community/questions?pageSize=100");
        list.GetProperty("items").EnumerateArray().Single(q => q.GetProperty("id").GetGuid() == id).GetProperty("answers").GetInt32().ShouldBe(0);
        (await app.WithDbAsync(db => db.CommunityNotifications.CountAsync(n => n.MemberId == answerer.MemberId && n.Kind == NotificationKind.AnswerHidden))).ShouldBe(1);

        // A project: hidden from the board and its page for others, and from the digest's projects.
        using var created = await askerClient.PostAsJsonAsync("/api/v1/community/projects", new
        {
            kind = "CallForPartners", title = "Un site pour la SCOP", description = "Visitez mon-casino.example", skills = new[] { "copywriting" },
            deadline = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime.AddDays(30)).ToString("yyyy-MM-dd"), scope = "Location",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var projectId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await readerClient.PostAsJsonAsync("/api/v1/community/reports", new { kind = "Project", postId = projectId, reason = "Spam" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await paris.PostAsJsonAsync($"{Queue}/projects/{projectId}/hide", new { reason = "Publicité" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await readerClient.GetAsync($"/api/v1/community/projects/{projectId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var board = await readerClient.GetFromJsonAsync<JsonElement>("/api/v1/community/projects?pageSize=100");
        board.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).ShouldNotContain(projectId);
        (await app.WithDbAsync(async db => await ProjectBoard.ProjectsSeeking(await CommunityViewer.MemberOnlyAsync(reader.MemberId, db, default), db, app.Clock, default))).Select(p => p.Id).ShouldNotContain(projectId);
        var owner = await askerClient.GetFromJsonAsync<JsonElement>($"/api/v1/community/projects/{projectId}");
        owner.GetProperty("hiddenReason").GetString().ShouldBe("Publicité");
        var notices = await askerClient.GetFromJsonAsync<JsonElement>("/api/v1/me/notifications");
        notices.GetProperty("items").EnumerateArray().ShouldContain(n => n.GetProperty("kind").GetString() == "ProjectHidden" && n.GetProperty("projectId").GetGuid() == projectId);
    }

    [Fact]
    public async Task Two_staff_hiding_at_once_or_hiding_while_dismissing_leave_one_decision_and_one_audit_entry()
    {
        var author = await PrivacyPeople.CreateAsync(app);
        var reporter = await PrivacyPeople.CreateAsync(app);
        using var authorClient = await app.ClientForAsync(author.Email);
        using var reporterClient = await app.ClientForAsync(reporter.Email);
        using var paris = await app.ClientForAsync(DemoAccounts.ParisManager);
        using var admin = await app.ClientForAsync(DemoAccounts.NetworkAdmin);
        var id = await AskAsync(authorClient, "Location", "seo");
        (await reporterClient.PostAsJsonAsync("/api/v1/community/reports", new { kind = "Question", postId = id, reason = "Offensive" })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var both = await Task.WhenAll(
            paris.PostAsJsonAsync($"{Queue}/questions/{id}/hide", new { reason = "Premier" }),
            admin.PostAsJsonAsync($"{Queue}/questions/{id}/hide", new { reason = "Second" }));

        both.Select(r => r.StatusCode).Order().ShouldBe([HttpStatusCode.OK, HttpStatusCode.Conflict]);
        (await AuditedAsync(AuditActions.CommunityPostHidden, id)).ShouldBe(1);
        var question = await app.WithDbAsync(db => db.CommunityQuestions.SingleAsync(q => q.Id == id));
        var winner = (await both.Single(r => r.StatusCode == HttpStatusCode.OK).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("hiddenReason").GetString();
        question.HiddenReason.ShouldBe(winner);
        (await app.WithDbAsync(db => db.CommunityNotifications.CountAsync(n => n.QuestionId == id && n.Kind == NotificationKind.QuestionHidden))).ShouldBe(1);

        // Hide and dismiss racing: whatever the order, the question is hidden and no report stays open.
        var other = await AskAsync(authorClient, "Location", "seo");
        (await reporterClient.PostAsJsonAsync("/api/v1/community/reports", new { kind = "Question", postId = other, reason = "Spam" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var raced = await Task.WhenAll(
            paris.PostAsJsonAsync($"{Queue}/questions/{other}/hide", new { reason = "Spam" }),
            admin.PostAsync($"{Queue}/questions/{other}/dismiss", null));
        raced[0].StatusCode.ShouldBe(HttpStatusCode.OK);
        await app.WithDbAsync(async db =>
        {
            (await db.CommunityQuestions.SingleAsync(q => q.Id == other)).HiddenAt.ShouldNotBeNull();
            (await db.CommunityReports.AnyAsync(r => r.PostId == other && r.Status == ReportStatus.Open)).ShouldBeFalse();
            (await db.Set<AuditEntry>().CountAsync(a => a.TargetId == other)).ShouldBe(raced.Count(r => r.StatusCode == HttpStatusCode.OK));
        });
    }

    [Fact]
    public async Task Bad_input_is_refused_naming_the_field_and_the_forms_keep_what_was_typed()
    {
        var author = await PrivacyPeople.CreateAsync(app);
        var reporter = await PrivacyPeople.CreateAsync(app);
        using var authorClient = await app.ClientForAsync(author.Email);
        using var reporterClient = await app.ClientForAsync(reporter.Email);
        var id = await AskAsync(authorClient, "Location", "seo");
        foreach (var (body, field) in new (object Body, string Field)[]
        {
            (new { kind = "Question", postId = id }, "reason"),
            (new { kind = "Question", postId = id, reason = "Spam", note = new string('n', 501) }, "note"),
            (new { kind = "Question", reason = "Spam" }, "postId"),
        })
        {
            await ExpectFieldAsync(await reporterClient.PostAsJsonAsync("/api/v1/community/reports", body), HttpStatusCode.BadRequest, field);
        }
        using var paris = await app.ClientForAsync(DemoAccounts.ParisManager);
        await ExpectFieldAsync(await paris.PostAsJsonAsync($"{Queue}/questions/{id}/hide", new { reason = "" }), HttpStatusCode.BadRequest, "reason");
        await ExpectFieldAsync(await paris.PostAsJsonAsync($"{Queue}/questions/{id}/hide", new { reason = new string('r', 501) }), HttpStatusCode.BadRequest, "reason");

        using var browser = await app.BrowserClientAsync(reporter.Email);
        var (_, question) = await TestApp.GetHtmlAsync(browser, $"/community/questions/{id}");
        question.QuerySelector(".report-link")!.GetAttribute("href").ShouldBe($"/community/report/questions/{id}");
        using (var refused = await TestApp.PostFormAsync(browser, $"/community/report/questions/{id}", new Dictionary<string, string> { ["Input.Note"] = "Il vend des <b>montres</b>" }))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.OK);
            var (_, doc) = await TestApp.ParseAsync(refused);
            doc.QuerySelector("#Input_Note")!.TextContent.ShouldBe("Il vend des <b>montres</b>");
            doc.QuerySelector("#Input_Reason-error")!.TextContent.ShouldNotBeEmpty();
        }
        using (var sent = await TestApp.PostFormAsync(browser, $"/community/report/questions/{id}", new Dictionary<string, string> { ["Input.Reason"] = "Spam", ["Input.Note"] = "Montres" }))
        {
            sent.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        (await app.WithDbAsync(db => db.CommunityReports.SingleAsync(r => r.PostId == id))).Note.ShouldBe("Montres");

        using var staff = await app.BrowserClientAsync(DemoAccounts.ParisManager);
        using var hide = await TestApp.PostFormAsync(staff, $"/admin/community/moderation?handler=Hide&kind=questions&id={id}",
            new Dictionary<string, string> { ["reason"] = new string('x', 501) }, "/admin/community/moderation");
        hide.StatusCode.ShouldBe(HttpStatusCode.OK);
        var (_, admin) = await TestApp.ParseAsync(hide);
        admin.QuerySelector($"#reason-{id}")!.TextContent.ShouldBe(new string('x', 501));
        admin.QuerySelector($"#reason-{id}-error")!.TextContent.ShouldNotBeEmpty();
        (await app.WithDbAsync(db => db.CommunityQuestions.SingleAsync(q => q.Id == id))).HiddenAt.ShouldBeNull();
    }

    [Fact]
    public async Task Erasing_members_removes_the_reports_they_made_and_their_hidden_posts_with_the_reports_about_them()
    {
        var author = await PrivacyPeople.CreateAsync(app);
        var reporter = await PrivacyPeople.CreateAsync(app);
        using var authorClient = await app.ClientForAsync(author.Email);
        using var reporterClient = await app.ClientForAsync(reporter.Email);
        using var paris = await app.ClientForAsync(DemoAccounts.ParisManager);
        var hidden = await AskAsync(authorClient, "Location", "seo");
        var kept = await AskAsync(authorClient, "Location", "seo");
        (await reporterClient.PostAsJsonAsync("/api/v1/community/reports", new { kind = "Question", postId = hidden, reason = "Spam" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await reporterClient.PostAsJsonAsync("/api/v1/community/reports", new { kind = "Question", postId = kept, reason = "Spam" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await paris.PostAsJsonAsync($"{Queue}/questions/{hidden}/hide", new { reason = "Spam" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var export = await reporterClient.GetFromJsonAsync<JsonElement>("/api/v1/me/export?format=json");
        export.GetProperty("tables").GetProperty("CommunityReports").GetArrayLength().ShouldBe(2);
        var theirs = await authorClient.GetFromJsonAsync<JsonElement>("/api/v1/me/export?format=json");
        // The reports about one's posts are not one's data: who reported stays unknown to the author.
        (!theirs.GetProperty("tables").TryGetProperty("CommunityReports", out var about) || about.GetArrayLength() == 0).ShouldBeTrue();

        (await paris.PostAsync($"/api/v1/members/{reporter.MemberId}/erase", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await app.WithDbAsync(db => db.CommunityReports.AnyAsync(r => r.ReporterId == reporter.MemberId))).ShouldBeFalse();

        var third = await PrivacyPeople.CreateAsync(app);
        using var thirdClient = await app.ClientForAsync(third.Email);
        (await thirdClient.PostAsJsonAsync("/api/v1/community/reports", new { kind = "Question", postId = kept, reason = "Spam" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await paris.PostAsync($"/api/v1/members/{author.MemberId}/erase", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await app.WithDbAsync(async db =>
        {
            (await db.CommunityQuestions.AnyAsync(q => q.Id == hidden || q.Id == kept)).ShouldBeFalse();
            (await db.CommunityReports.AnyAsync(r => r.AuthorId == author.MemberId)).ShouldBeFalse();
        });
    }

    private static async Task ExpectFieldAsync(HttpResponseMessage response, HttpStatusCode status, string field)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(status, text);
            JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue($"{field}: {text}");
        }
    }

    private static async Task<List<Guid>> QueuedAsync(HttpClient staff)
    {
        var queue = await staff.GetFromJsonAsync<JsonElement>(Queue);
        return [.. queue.GetProperty("reported").EnumerateArray().Select(p => p.GetProperty("id").GetGuid())];
    }

    private static async Task<List<Guid>> AnswersSeenAsync(HttpClient client, Guid questionId)
    {
        var thread = await client.GetFromJsonAsync<JsonElement>($"/api/v1/community/questions/{questionId}");
        return [.. thread.GetProperty("answers").EnumerateArray().Select(a => a.GetProperty("id").GetGuid())];
    }

    private Task<int> AuditedAsync(string action, Guid target) =>
        app.WithDbAsync(db => db.Set<AuditEntry>().CountAsync(a => a.Action == action && a.TargetId == target));

    private async Task<Guid> AskAsync(HttpClient client, string scope, string skill)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/community/questions", new { title = "Question about " + skill, body = "Who knows?", skills = new[] { skill }, scope });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private Task OffersAsync(Guid memberId, string skill) => app.WithDbAsync(async db =>
    {
        var privacy = new MemberPrivacy(memberId);
        privacy.Apply(new PrivacyChoices { Listing = Audience.Network, Skills = Audience.Network }, app.Clock.GetUtcNow().UtcDateTime);
        db.Add(privacy);
        db.Add(new MemberSkill(memberId, skill, SkillUse.Offers));
        await db.SaveChangesAsync();
    });
}

[Collection(SqliteCollection.Name)]
public sealed class ModerationTests_Sqlite(SqliteTestApp app) : ModerationTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ModerationTests_Postgres(PostgresTestApp app) : ModerationTests(app);
