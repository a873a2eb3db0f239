using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Common;
using Cotravail.Common.Auth;
using Cotravail.Modules.Bookings;
using Cotravail.Modules.Community;
using Cotravail.Modules.Community.Questions;
using Cotravail.Modules.Demo;
using Cotravail.Modules.Privacy;
using Cotravail.Modules.Resources;
using Cotravail.Tests.Infrastructure;
using Cotravail.Tests.Modules.Bookings;
using Cotravail.Tests.Modules.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Modules.Community;

/// Ask a neighbour (ADR 27): who is asked and in what order, what privacy and mutes keep out, the daily email
/// limit, the thread's rules, fields named in problems, forms that keep what was typed, and erasure.
public abstract class AskNeighbourTests(TestApp app)
{
    [Fact]
    public async Task Members_in_today_are_matched_first_and_nobody_nor_muted_members_are_ever_asked()
    {
        var world = await BookingWorld.CreateAsync(app);
        var asker = await world.NewMemberAsync();
        var inToday = await world.NewMemberAsync();
        var booked = await world.NewMemberAsync(); // in today but does not share it: ranked as a member of the location
        var atLocation = await world.NewMemberAsync();
        var secret = await world.NewMemberAsync();
        var muted = await world.NewMemberAsync();
        var network = await PrivacyPeople.CreateAsync(app, DemoAccounts.LyonSlug);
        await ChooseAsync(asker.MemberId, Audience.Location, Audience.Location, share: true);
        await ChooseAsync(inToday.MemberId, Audience.Location, Audience.Location, share: true, "electronics");
        await ChooseAsync(booked.MemberId, Audience.Location, Audience.Location, share: false, "electronics");
        await ChooseAsync(atLocation.MemberId, Audience.Location, Audience.Location, share: true, "electronics");
        await ChooseAsync(secret.MemberId, Audience.Network, Audience.Nobody, share: true, "electronics");
        await ChooseAsync(muted.MemberId, Audience.Location, Audience.Location, share: true, "electronics");
        await ChooseAsync(network.MemberId, Audience.Network, Audience.Network, share: true, "electronics");
        await BookTodayAsync(world, inToday.MemberId, inToday.UserId, seat: 1);
        await BookTodayAsync(world, booked.MemberId, booked.UserId, seat: 2);
        (await muted.Client.PutAsJsonAsync("/api/v1/me/community-mutes", new { topics = new[] { "trade:Crafts" } })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var id = await AskAsync(asker.Client, "Network", "electronics");

        var order = await app.WithDbAsync(async db =>
        {
            var question = await db.CommunityQuestions.SingleAsync(q => q.Id == id);
            var viewer = await CommunityViewer.LoadAsync(AccessScope.Anonymous with { MemberId = asker.MemberId }, db, default);
            return (await MatchNeighbours.RunAsync(question, ["electronics"], viewer, db, app.Clock, default)).Select(m => m.MemberId).ToList();
        });
        order.IndexOf(inToday.MemberId).ShouldBe(0);
        order.IndexOf(booked.MemberId).ShouldBeGreaterThan(0);
        order.IndexOf(atLocation.MemberId).ShouldBeGreaterThan(0);
        order.IndexOf(network.MemberId).ShouldBeGreaterThan(Math.Max(order.IndexOf(booked.MemberId), order.IndexOf(atLocation.MemberId)));
        order.ShouldNotContain(secret.MemberId);
        order.ShouldNotContain(muted.MemberId);
        order.ShouldNotContain(asker.MemberId);
        var notified = await NotifiedAsync(id);
        notified.ShouldContain(inToday.MemberId);
        notified.ShouldContain(network.MemberId);
        notified.ShouldNotContain(secret.MemberId);
        notified.ShouldNotContain(muted.MemberId);
        (await app.WithDbAsync(db => db.Outbox.CountAsync(m => m.To == secret.Email || m.To == muted.Email))).ShouldBe(0);
        var forYou = await app.WithDbAsync(async db => await AskNeighbour.OpenQuestionsMatchingAsync(await CommunityViewer.MemberOnlyAsync(inToday.MemberId, db, default), app.Clock.GetUtcNow().UtcDateTime.AddDays(-7), db, default));
        forYou.Select(q => q.Id).ShouldContain(id);

        // A "my location" question reaches and is read only at the location.
        var local = await AskAsync(asker.Client, "Location", "electronics");
        (await NotifiedAsync(local)).ShouldNotContain(network.MemberId);
        using var lyon = await app.ClientForAsync(network.Email);
        (await lyon.GetAsync($"/api/v1/community/questions/{local}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await lyon.GetAsync($"/api/v1/community/questions/{id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await atLocation.Client.GetAsync($"/api/v1/community/questions/{local}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var list = await lyon.GetFromJsonAsync<JsonElement>("/api/v1/community/questions?status=open&pageSize=100");
        var listed = list.GetProperty("items").EnumerateArray().Select(q => q.GetProperty("id").GetGuid()).ToList();
        listed.ShouldContain(id);
        listed.ShouldNotContain(local);
    }

    [Fact]
    public async Task A_member_gets_at_most_five_question_emails_a_day_then_in_app_only()
    {
        var world = await BookingWorld.CreateAsync(app);
        var asker = await world.NewMemberAsync();
        var helper = await world.NewMemberAsync();
        await ChooseAsync(helper.MemberId, Audience.Location, Audience.Location, share: false, "digital-fabrication");

        for (var i = 0; i < AskNeighbour.DefaultEmailsPerDay + 2; i++)
        {
            await AskAsync(asker.Client, "Location", "digital-fabrication");
        }

        var emails = await app.WithDbAsync(db => db.Outbox.Where(m => m.To == helper.Email).ToListAsync());
        emails.Count.ShouldBe(AskNeighbour.DefaultEmailsPerDay);
        emails[0].Subject.ShouldStartWith("Un voisin demande"); // no language chosen: the network's
        var inApp = await helper.Client.GetFromJsonAsync<JsonElement>("/api/v1/me/notifications");
        inApp.GetProperty("unread").GetInt32().ShouldBe(AskNeighbour.DefaultEmailsPerDay + 2);

        // The main menu shows the unread count beside "Community" on every page, until they are read.
        using var browser = await app.BrowserClientAsync(helper.Email);
        var (_, home) = await TestApp.GetHtmlAsync(browser, "/me");
        var community = home.QuerySelector("header nav a[href='/community']")!;
        community.QuerySelector(".menu-count")!.TextContent.ShouldBe($"{AskNeighbour.DefaultEmailsPerDay + 2}");
        community.TextContent.ShouldContain($"({AskNeighbour.DefaultEmailsPerDay + 2} non lues)");
        using (var read = await TestApp.PostFormAsync(browser, "/community/notifications?handler=Read", new Dictionary<string, string>(), "/community/notifications"))
        {
            read.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        (await TestApp.GetHtmlAsync(browser, "/me")).Doc.QuerySelector("header nav a[href='/community'] .menu-count").ShouldBeNull();
    }

    [Fact]
    public async Task Notifications_come_by_pages_newest_first_with_their_counts()
    {
        var world = await BookingWorld.CreateAsync(app);
        var asker = await world.NewMemberAsync();
        var helper = await world.NewMemberAsync();
        var id = await AskAsync(asker.Client, "Location", "tax");
        var start = app.Clock.GetUtcNow().UtcDateTime.AddDays(-1);
        await app.WithDbAsync(async db =>
        {
            db.CommunityNotifications.AddRange(Enumerable.Range(0, 60).Select(i => new CommunityNotification(helper.MemberId, NotificationKind.QuestionForYou, id, false, start.AddMinutes(i))));
            await db.SaveChangesAsync();
        });
        var newestFirst = await app.WithDbAsync(db => db.CommunityNotifications.Where(n => n.MemberId == helper.MemberId)
            .OrderByDescending(n => n.CreatedAt).Select(n => n.Id).ToListAsync());

        var first = await helper.Client.GetFromJsonAsync<JsonElement>("/api/v1/me/notifications");
        var second = await helper.Client.GetFromJsonAsync<JsonElement>("/api/v1/me/notifications?page=2");
        var small = await helper.Client.GetFromJsonAsync<JsonElement>("/api/v1/me/notifications?page=9&pageSize=7");
        first.GetProperty("totalCount").GetInt32().ShouldBe(60);
        first.GetProperty("unread").GetInt32().ShouldBe(60);
        first.GetProperty("pageSize").GetInt32().ShouldBe(CommunityNotifications.Shown);
        NoticeIds(first).Concat(NoticeIds(second)).ShouldBe(newestFirst);
        NoticeIds(small).ShouldBe(newestFirst.Skip(56));

        using var browser = await app.BrowserClientAsync(helper.Email);
        var (_, page1) = await TestApp.GetHtmlAsync(browser, "/community/notifications");
        page1.QuerySelectorAll("ul.notifications > li").Length.ShouldBe(CommunityNotifications.Shown);
        page1.QuerySelector("nav.pager a[rel='next']")!.GetAttribute("href").ShouldBe("/community/notifications?page=2");
        var (_, page2) = await TestApp.GetHtmlAsync(browser, "/community/notifications?page=2");
        page2.QuerySelectorAll("ul.notifications > li").Length.ShouldBe(10);
        page2.QuerySelector("nav.pager a[rel='next']").ShouldBeNull();
    }

    [Fact]
    public async Task A_thread_takes_answers_and_thanks_and_only_its_author_solves_or_closes_it()
    {
        var world = await BookingWorld.CreateAsync(app);
        var asker = await world.NewMemberAsync();
        var helper = await world.NewMemberAsync();
        var other = await world.NewMemberAsync();
        var id = await AskAsync(asker.Client, "Location", "tax", body: "<script>alert(1)</script> **urgent**");

        var answered = await helper.Client.PostAsJsonAsync($"/api/v1/community/questions/{id}/answers", new { body = "Ask the *tax office* first." });
        answered.StatusCode.ShouldBe(HttpStatusCode.OK);
        var answerId = (await answered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("answers")[0].GetProperty("id").GetGuid();
        (await other.Client.PostAsJsonAsync($"/api/v1/community/questions/{id}/solve", new { answerId })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await helper.Client.PostAsync($"/api/v1/community/questions/{id}/answers/{answerId}/thanks", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await asker.Client.PostAsync($"/api/v1/community/questions/{id}/answers/{answerId}/thanks", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var solved = await asker.Client.PostAsJsonAsync($"/api/v1/community/questions/{id}/solve", new { answerId });
        var thread = await solved.Content.ReadFromJsonAsync<JsonElement>();
        thread.GetProperty("status").GetString().ShouldBe("Solved");
        thread.GetProperty("answers")[0].GetProperty("thanks").GetInt32().ShouldBe(1);
        thread.GetProperty("answers")[0].GetProperty("solves").GetBoolean().ShouldBeTrue();
        var notice = await asker.Client.GetFromJsonAsync<JsonElement>("/api/v1/me/notifications");
        notice.GetProperty("items").EnumerateArray().ShouldContain(n => n.GetProperty("kind").GetString() == "Answered");
        (await (await asker.Client.PostAsJsonAsync("/api/v1/me/notifications/read", new { })).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("unread").GetInt32().ShouldBe(0);

        using var browser = await app.BrowserClientAsync(asker.Email);
        var (html, doc) = await TestApp.GetHtmlAsync(browser, $"/community/questions/{id}");
        html.ShouldNotContain("<script>alert");
        doc.QuerySelector(".question .user-text strong")!.TextContent.ShouldBe("urgent");
        doc.QuerySelector(".answer.solves")!.TextContent.ShouldContain("tax office");

        (await other.Client.PostAsync($"/api/v1/community/questions/{id}/close", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await asker.Client.PostAsync($"/api/v1/community/questions/{id}/close", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var refused = await other.Client.PostAsJsonAsync($"/api/v1/community/questions/{id}/answers", new { body = "Too late" });
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("status", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Bad_input_is_refused_naming_the_field_and_the_form_keeps_what_was_typed()
    {
        var me = await PrivacyPeople.CreateAsync(app);
        using var client = await app.ClientForAsync(me.Email);
        foreach (var (body, field) in new (object Body, string Field)[]
        {
            (new { title = new string('t', 141), body = "b", skills = new[] { "seo" } }, "title"),
            (new { title = "t", skills = new[] { "seo" } }, "body"),
            (new { title = "t", body = "b", skills = Array.Empty<string>() }, "skills"),
            (new { title = "t", body = "b", skills = new[] { "seo", "astrology" } }, "skills[1]"),
            (new { title = "t", body = "b", skills = new[] { "a", "b", "c", "d", "e", "f" } }, "skills"),
        })
        {
            using var refused = await client.PostAsJsonAsync("/api/v1/community/questions", body);
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest, field);
            (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(field);
        }
        using var mutes = await client.PutAsJsonAsync("/api/v1/me/community-mutes", new { topics = new[] { "seo", "trade:Nothing" } });
        (await mutes.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("topics[1]", out _).ShouldBeTrue();
        using var status = await client.GetAsync("/api/v1/community/questions?status=pending");
        (await status.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("status", out _).ShouldBeTrue();

        using var browser = await app.BrowserClientAsync(me.Email);
        using var response = await TestApp.PostFormAsync(browser, "/community/questions/new", new Dictionary<string, string>
        {
            ["Input.Title"] = "Un comptable pour une SCOP ?",
            ["Input.Body"] = "Nous cherchons **vite**",
            ["Input.Scope"] = "Network",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var (_, doc) = await TestApp.ParseAsync(response);
        doc.QuerySelector("#Input_Title")!.GetAttribute("value").ShouldBe("Un comptable pour une SCOP ?");
        doc.QuerySelector("#Input_Body")!.TextContent.ShouldBe("Nous cherchons **vite**");
        doc.QuerySelector("#Input_Scope_Network")!.HasAttribute("checked").ShouldBeTrue();
        doc.QuerySelector(".skill-picker .field-error")!.TextContent.ShouldNotBeEmpty();
        (await app.WithDbAsync(db => db.CommunityQuestions.AnyAsync(q => q.AuthorId == me.MemberId))).ShouldBeFalse();
    }

    [Fact]
    public async Task A_member_asks_at_most_ten_questions_a_day_and_the_form_says_so_keeping_what_was_typed()
    {
        var me = await PrivacyPeople.CreateAsync(app, DemoAccounts.ParisSlug);
        using var client = await app.ClientForAsync(me.Email);
        for (var i = 0; i < AskNeighbour.DefaultQuestionsPerDay; i++)
        {
            await AskAsync(client, "Location", "tax");
        }

        using var refused = await client.PostAsJsonAsync("/api/v1/community/questions", new { title = "One more", body = "Who knows?", skills = new[] { "tax" }, scope = "Location" });
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("title")[0].GetString()
            .ShouldBe("Vous avez posé beaucoup de questions aujourd'hui : réessayez demain.");
        using var browser = await app.BrowserClientAsync(me.Email);
        using var response = await TestApp.PostFormAsync(browser, "/community/questions/new", new Dictionary<string, string>
        {
            ["Input.Title"] = "Encore une question",
            ["Input.Body"] = "Qui sait ?",
            ["Input.Scope"] = "Location",
            ["Input.Skills"] = "tax",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var (_, doc) = await TestApp.ParseAsync(response);
        doc.QuerySelector(".notice.error")!.TextContent.ShouldContain("Vous avez posé beaucoup de questions aujourd'hui : réessayez demain.");
        doc.QuerySelector("#Input_Title")!.GetAttribute("value").ShouldBe("Encore une question");
        (await app.WithDbAsync(db => db.CommunityQuestions.CountAsync(q => q.AuthorId == me.MemberId))).ShouldBe(AskNeighbour.DefaultQuestionsPerDay);
    }

    [Fact]
    public async Task A_member_posts_at_most_fifty_answers_a_day_and_the_form_says_so_keeping_what_was_typed()
    {
        var asker = await PrivacyPeople.CreateAsync(app, DemoAccounts.ParisSlug);
        var me = await PrivacyPeople.CreateAsync(app, DemoAccounts.ParisSlug);
        using var askerClient = await app.ClientForAsync(asker.Email);
        var question = await AskAsync(askerClient, "Location", "tax");
        await app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            db.CommunityAnswers.AddRange(Enumerable.Range(0, AskNeighbour.DefaultAnswersPerDay).Select(i => new CommunityAnswer(question, me.MemberId, $"Answer {i}", now.AddMinutes(-i))));
            await db.SaveChangesAsync();
        });

        using var client = await app.ClientForAsync(me.Email);
        using var refused = await client.PostAsJsonAsync($"/api/v1/community/questions/{question}/answers", new { body = "One more idea" });
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("body")[0].GetString()
            .ShouldBe("Vous avez posté beaucoup de réponses aujourd'hui : réessayez demain.");
        using var browser = await app.BrowserClientAsync(me.Email);
        using var response = await TestApp.PostFormAsync(browser, $"/community/questions/{question}?handler=Answer", new Dictionary<string, string>
        {
            ["Input.Body"] = "Encore une idée",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var (_, doc) = await TestApp.ParseAsync(response);
        doc.QuerySelector("#Input_Body-error")!.TextContent.ShouldContain("Vous avez posté beaucoup de réponses aujourd'hui : réessayez demain.");
        doc.QuerySelector("#Input_Body")!.TextContent.Trim().ShouldBe("Encore une idée");
        (await app.WithDbAsync(db => db.CommunityAnswers.CountAsync(a => a.AuthorId == me.MemberId))).ShouldBe(AskNeighbour.DefaultAnswersPerDay);
        (await app.WithDbAsync(db => db.CommunityNotifications.CountAsync(n => n.QuestionId == question && n.Kind == NotificationKind.Answered))).ShouldBe(0);
    }

    [Fact]
    public async Task Erasing_a_member_removes_their_questions_answers_thanks_mutes_and_notifications()
    {
        var person = await PrivacyPeople.CreateAsync(app, DemoAccounts.ParisSlug);
        var neighbour = await PrivacyPeople.CreateAsync(app, DemoAccounts.ParisSlug);
        await ChooseAsync(person.MemberId, Audience.Location, Audience.Location, share: false, "illustration");
        using var personClient = await app.ClientForAsync(person.Email);
        using var neighbourClient = await app.ClientForAsync(neighbour.Email);
        var theirs = await AskAsync(personClient, "Location", "tax");
        var asked = await AskAsync(neighbourClient, "Location", "illustration");
        var answer = await personClient.PostAsJsonAsync($"/api/v1/community/questions/{asked}/answers", new { body = "Mine" });
        var answerId = (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("answers")[0].GetProperty("id").GetGuid();
        (await neighbourClient.PostAsJsonAsync($"/api/v1/community/questions/{asked}/solve", new { answerId })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await neighbourClient.PostAsync($"/api/v1/community/questions/{asked}/answers/{answerId}/thanks", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await personClient.PutAsJsonAsync("/api/v1/me/community-mutes", new { topics = new[] { "seo" } })).StatusCode.ShouldBe(HttpStatusCode.OK);

        using var manager = await app.ClientForAsync(DemoAccounts.ParisManager);
        (await manager.PostAsync($"/api/v1/members/{person.MemberId}/erase", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await app.WithDbAsync(async db =>
        {
            (await db.CommunityQuestions.AnyAsync(q => q.AuthorId == person.MemberId || q.Id == theirs)).ShouldBeFalse();
            (await db.CommunityAnswers.AnyAsync(a => a.AuthorId == person.MemberId)).ShouldBeFalse();
            (await db.CommunityThanks.AnyAsync(t => t.AnswerId == answerId)).ShouldBeFalse();
            (await db.CommunityMutes.AnyAsync(m => m.MemberId == person.MemberId)).ShouldBeFalse();
            (await db.CommunityNotifications.AnyAsync(n => n.MemberId == person.MemberId || n.QuestionId == theirs)).ShouldBeFalse();
            var left = await db.CommunityQuestions.SingleAsync(q => q.Id == asked);
            left.SolvedAnswerId.ShouldBeNull();
        });
    }

    private async Task<Guid> AskAsync(HttpClient client, string scope, string skill, string body = "Who knows?")
    {
        using var response = await client.PostAsJsonAsync("/api/v1/community/questions", new { title = "Question about " + skill, body, skills = new[] { skill }, scope });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static List<Guid> NoticeIds(JsonElement list) => [.. list.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("id").GetGuid())];

    private Task<List<Guid>> NotifiedAsync(Guid questionId) =>
        app.WithDbAsync(db => db.CommunityNotifications.Where(n => n.QuestionId == questionId).Select(n => n.MemberId).ToListAsync());

    private Task ChooseAsync(Guid memberId, Audience listing, Audience skills, bool share, params string[] offered) => app.WithDbAsync(async db =>
    {
        var privacy = new MemberPrivacy(memberId);
        privacy.Apply(new PrivacyChoices { Listing = listing, Skills = skills, SharePresence = share }, app.Clock.GetUtcNow().UtcDateTime);
        db.Add(privacy);
        db.AddRange(offered.Select(s => new MemberSkill(memberId, s, SkillUse.Offers)));
        await db.SaveChangesAsync();
    });

    private Task BookTodayAsync(BookingWorld world, Guid memberId, Guid userId, int seat) => app.WithDbAsync(async db =>
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var slot = new TimeSlot(now.AddMinutes(-30), now.AddHours(2));
        var booking = new Booking(world.Zone, ResourceKind.HotDeskZone, world.Location, slot, slot, userId, memberId, "", pending: false, now);
        booking.AssignSeat(seat);
        booking.CheckIn(now).ShouldBeTrue();
        db.Add(booking);
        await db.SaveChangesAsync();
    });
}

[Collection(SqliteCollection.Name)]
public sealed class AskNeighbourTests_Sqlite(SqliteTestApp app) : AskNeighbourTests(app);

[Collection(PostgresCollection.Name)]
public sealed class AskNeighbourTests_Postgres(PostgresTestApp app) : AskNeighbourTests(app);
