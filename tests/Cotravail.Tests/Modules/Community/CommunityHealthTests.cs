using Cotravail.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Common.Auth;
using Cotravail.Modules.Community.Health;
using Cotravail.Modules.Community.Projects;
using Cotravail.Modules.Community.Questions;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Members;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Modules.Community;

/// The community's health for operators (ADR 29): new connections per week by kind, counted once per pair of members
/// in the week they first met; questions and the median time to a first answer; members active and members who met
/// nobody, as counts; scoped to the staff member's locations; no member is ever named.
public abstract class CommunityHealthTests(TestApp app)
{
    private const string Url = "/api/v1/admin/community/health";
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private sealed record World(Guid Paris, Guid Lyon, DateOnly ThisMonday, double[] AnswerHours, string[] Names);

    /// Two fresh locations (Europe/Paris). "Paris": p1–p6 and p9 take part, p8 does nothing, p7 is inactive; "Lyon": l1, l2.
    /// Paris' new connections: week −2 one answer (p1–p2; p1–p3 had met 20 weeks ago); week −1 one answer (l1 answers p5's
    /// old question), one introduction (p4 → p6), one team (p5 joins p3's project); this week one answer (p4–p5) and two
    /// team pairs (p6 joins p3 and p5). Lyon: one answer this week (l1–l2).
    private async Task<World> WorldAsync()
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, Paris));
        var monday = Weeks.MondayOf(today);
        var mondayUtc = TimeZoneInfo.ConvertTimeToUtc(monday.ToDateTime(TimeOnly.MinValue), Paris);
        // A Wednesday of an earlier week at a local hour; an instant of this week, k tenths of the way back to Monday.
        DateTime WeeksAgo(int weeks, double hour) => TimeZoneInfo.ConvertTimeToUtc(monday.AddDays(2 - 7 * weeks).ToDateTime(TimeOnly.MinValue).AddHours(hour), Paris);
        DateTime ThisWeek(int tenths) => now - (now - mondayUtc) * tenths / 10;

        var paris = new Location("Health Paris", TestData.NewSlug("health-paris"), "Europe/Paris", "EUR");
        var lyon = new Location("Health Lyon", TestData.NewSlug("health-lyon"), "Europe/Paris", "EUR");
        var names = new List<string>();
        Member New(Location home)
        {
            var last = "Zephyrin" + Guid.NewGuid().ToString("N")[..8];
            names.Add(last);
            return new Member("Health", last, TestApp.NewEmail("health"), MemberCategory.Freelancer, home.Id);
        }
        var p = Enumerable.Range(0, 10).Select(_ => New(paris)).ToArray(); // p[1]…p[9]; p[0] unused
        var (l1, l2) = (New(lyon), New(lyon));
        p[7].Deactivate();

        var rows = new List<object> { paris, lyon };
        rows.AddRange(p.Skip(1));
        rows.AddRange([l1, l2]);
        CommunityQuestion Ask(Member author, Location at, DateTime when)
        {
            var q = new CommunityQuestion(author.Id, at.Id, QuestionScope.Network, "Health question", "Body", when);
            rows.Add(q);
            return q;
        }
        CommunityAnswer Answer(CommunityQuestion q, Member author, DateTime when)
        {
            var a = new CommunityAnswer(q.Id, author.Id, "Answer", when);
            rows.Add(a);
            return a;
        }
        var q0 = Ask(p[3], paris, WeeksAgo(20, 9)); // p1 and p3 met long ago
        Answer(q0, p[1], WeeksAgo(20, 10));
        var q1 = Ask(p[1], paris, WeeksAgo(2, 10));
        Answer(q1, p[1], WeeksAgo(2, 11)); // the author's own reply is no first answer and no connection
        var a1 = Answer(q1, p[2], WeeksAgo(2, 13)); // 3 h
        Answer(q1, p[3], WeeksAgo(2, 14)); // p1–p3: not new
        var q2 = Ask(p[2], paris, WeeksAgo(1, 9));
        Answer(q2, p[1], WeeksAgo(1, 14)); // 5 h; p1–p2: not new
        var q5 = Ask(p[5], paris, WeeksAgo(20, 9));
        Answer(q5, l1, WeeksAgo(1, 15)); // an old question first answered in week −1, by a member of Lyon
        var q3 = Ask(p[4], paris, ThisWeek(8));
        Answer(q3, p[5], ThisWeek(4));
        Ask(p[6], paris, ThisWeek(6)); // unanswered
        var ql = Ask(l1, lyon, ThisWeek(7));
        Answer(ql, l2, ThisWeek(3));
        rows.Add(new CommunityThanks(a1.Id, p[9].Id, WeeksAgo(1, 16))); // p9 thanks: active, but met nobody

        var project = new CommunityProject(p[3].Id, paris.Id, WeeksAgo(3, 10)) { Title = "Health project", Description = "D", Deadline = monday.AddDays(30) };
        rows.Add(project);
        rows.Add(new ProjectMember(project.Id, p[3].Id, ProjectMemberState.Accepted, WeeksAgo(3, 10)));
        rows.Add(new ProjectMember(project.Id, p[5].Id, ProjectMemberState.Accepted, WeeksAgo(1, 11)));
        rows.Add(new ProjectMember(project.Id, p[6].Id, ProjectMemberState.Accepted, ThisWeek(2)));
        rows.Add(new ProjectMember(project.Id, p[2].Id, ProjectMemberState.Interested, WeeksAgo(1, 12))); // interest is no team
        rows.Add(new Introduction(project.Id, p[4].Id, p[6].Id, WeeksAgo(1, 10)));

        await app.WithDbAsync(async db =>
        {
            db.AddRange(rows);
            await db.SaveChangesAsync();
        });
        double[] hours = [3, 5, (ThisWeek(4) - ThisWeek(8)).TotalHours];
        return new World(paris.Id, lyon.Id, monday, hours, [.. names]);
    }

    private Task<(HttpClient Browser, HttpClient Api)> StaffAsync(Guid location, StaffRole role) => app.StaffAsync(location, role);

    private static Dictionary<string, JsonElement> ByWeek(JsonElement health) =>
        health.GetProperty("weeks").EnumerateArray().ToDictionary(w => w.GetProperty("weekOf").GetString()!);

    private static void ShouldBeWeek(Dictionary<string, JsonElement> weeks, DateOnly weekOf, int answers, int introductions, int teams, int asked, int answered)
    {
        var week = weeks[weekOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)];
        var counts = new[] { "answers", "introductions", "teams", "connections", "questionsAsked", "questionsAnswered" }.Select(k => week.GetProperty(k).GetInt32());
        counts.ShouldBe([answers, introductions, teams, answers + introductions + teams, asked, answered], $"week of {weekOf}");
    }

    [Fact]
    public async Task Connections_are_counted_once_per_pair_in_the_week_they_first_met_with_questions_and_members_as_counts()
    {
        var world = await WorldAsync();
        var (_, manager) = await StaffAsync(world.Paris, StaffRole.Manager);

        var health = await manager.GetFromJsonAsync<JsonElement>($"{Url}?locationId={world.Paris}");

        var weeks = ByWeek(health);
        weeks.Count.ShouldBe(12);
        health.GetProperty("weeks")[11].GetProperty("weekOf").GetString().ShouldBe(world.ThisMonday.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        ShouldBeWeek(weeks, world.ThisMonday.AddDays(-21), answers: 0, introductions: 0, teams: 0, asked: 0, answered: 0);
        ShouldBeWeek(weeks, world.ThisMonday.AddDays(-14), answers: 1, introductions: 0, teams: 0, asked: 1, answered: 1);
        ShouldBeWeek(weeks, world.ThisMonday.AddDays(-7), answers: 1, introductions: 1, teams: 1, asked: 1, answered: 2);
        ShouldBeWeek(weeks, world.ThisMonday, answers: 1, introductions: 0, teams: 2, asked: 2, answered: 1);
        health.GetProperty("connectionsThisWeek").GetInt32().ShouldBe(3);
        health.GetProperty("connectionsInPeriod").GetInt32().ShouldBe(7);
        health.GetProperty("questionsAsked").GetInt32().ShouldBe(4);
        health.GetProperty("questionsAnswered").GetInt32().ShouldBe(4);
        var median = world.AnswerHours.Order().ElementAt(1);
        health.GetProperty("medianHoursToFirstAnswer").GetDouble().ShouldBe(Math.Round(median, 1, MidpointRounding.AwayFromZero));
        health.GetProperty("members").GetInt32().ShouldBe(8); // p7 is inactive
        health.GetProperty("activeMembers").GetInt32().ShouldBe(7); // all but p8
        health.GetProperty("metNobody").GetInt32().ShouldBe(2); // p8 and p9 (a thanks meets nobody)
        health.GetProperty("timeZone").GetString().ShouldBe("Europe/Paris");
        var json = health.GetRawText();
        world.Names.ShouldAllBe(name => !json.Contains(name));

        var eight = await manager.GetFromJsonAsync<JsonElement>($"{Url}?locationId={world.Paris}&weeks=8");
        eight.GetProperty("weeks").GetArrayLength().ShouldBe(8);
        eight.GetProperty("connectionsInPeriod").GetInt32().ShouldBe(7);
    }

    [Fact]
    public async Task What_staff_hid_links_nobody_and_answers_nothing()
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var place = new Location("Health Hidden", TestData.NewSlug("health-hidden"), "Europe/Paris", "EUR");
        var m = Enumerable.Range(0, 10).Select(_ => new Member("Health", "Hidden", TestApp.NewEmail("health-hidden"), MemberCategory.Freelancer, place.Id)).ToArray();
        var (seen, hiddenAnswer, hiddenQuestion) = (
            new CommunityQuestion(m[1].Id, place.Id, QuestionScope.Network, "Seen", "Body", now.AddMinutes(-50)),
            new CommunityQuestion(m[3].Id, place.Id, QuestionScope.Network, "Its answer hidden", "Body", now.AddMinutes(-50)),
            new CommunityQuestion(m[5].Id, place.Id, QuestionScope.Network, "Hidden", "Body", now.AddMinutes(-50)));
        var answers = new[] { new CommunityAnswer(seen.Id, m[2].Id, "Seen", now.AddMinutes(-40)), new CommunityAnswer(hiddenAnswer.Id, m[4].Id, "Hidden", now.AddMinutes(-40)), new CommunityAnswer(hiddenQuestion.Id, m[6].Id, "Under a hidden question", now.AddMinutes(-40)) };
        var project = new CommunityProject(m[7].Id, place.Id, now.AddMinutes(-50)) { Title = "Hidden project", Description = "D", Deadline = DateOnly.FromDateTime(now).AddDays(30) };
        await app.WithDbAsync(async db =>
        {
            db.AddRange([place, .. m.Skip(1), seen, hiddenAnswer, hiddenQuestion, .. answers, project,
                new ProjectMember(project.Id, m[7].Id, ProjectMemberState.Accepted, now.AddMinutes(-50)),
                new ProjectMember(project.Id, m[8].Id, ProjectMemberState.Accepted, now.AddMinutes(-30)),
                new Introduction(project.Id, m[7].Id, m[9].Id, now.AddMinutes(-30))]);
            await db.SaveChangesAsync();
            await db.CommunityAnswers.Where(a => a.Id == answers[1].Id).ExecuteUpdateAsync(x => x.SetProperty(a => a.HiddenAt, now.AddMinutes(-20)));
            await db.CommunityQuestions.Where(q => q.Id == hiddenQuestion.Id).ExecuteUpdateAsync(x => x.SetProperty(q => q.HiddenAt, now.AddMinutes(-20)));
            await db.CommunityProjects.Where(p => p.Id == project.Id).ExecuteUpdateAsync(x => x.SetProperty(p => p.HiddenAt, now.AddMinutes(-20)));
        });
        var (_, manager) = await StaffAsync(place.Id, StaffRole.Manager);

        var health = await manager.GetFromJsonAsync<JsonElement>($"{Url}?locationId={place.Id}");

        health.GetProperty("connectionsInPeriod").GetInt32().ShouldBe(1, "m1 and m2 only");
        health.GetProperty("questionsAsked").GetInt32().ShouldBe(2, "the hidden question is not counted");
        health.GetProperty("questionsAnswered").GetInt32().ShouldBe(1, "a hidden answer answers nothing");
        health.GetProperty("members").GetInt32().ShouldBe(9);
        health.GetProperty("metNobody").GetInt32().ShouldBe(7);
    }

    [Fact]
    public async Task A_manager_sees_only_their_locations_network_admins_see_all_and_the_page_names_nobody()
    {
        var world = await WorldAsync();
        var (lyonPage, lyonApi) = await StaffAsync(world.Lyon, StaffRole.Manager);
        var (parisPage, _) = await StaffAsync(world.Paris, StaffRole.Host);
        var admin = TestApp.NewEmail("health-admin");
        await app.CreateUserAsync(admin, networkAdmin: true);
        using var adminApi = await app.ClientForAsync(admin);

        using var foreign = await lyonApi.GetAsync($"{Url}?locationId={world.Paris}");
        foreign.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var mine = await lyonApi.GetFromJsonAsync<JsonElement>(Url);
        mine.GetProperty("connectionsThisWeek").GetInt32().ShouldBe(1);
        mine.GetProperty("connectionsInPeriod").GetInt32().ShouldBe(1);
        mine.GetProperty("members").GetInt32().ShouldBe(2);
        mine.GetProperty("metNobody").GetInt32().ShouldBe(0);
        var network = await adminApi.GetFromJsonAsync<JsonElement>(Url);
        network.GetProperty("connectionsThisWeek").GetInt32().ShouldBeGreaterThanOrEqualTo(4);
        network.GetProperty("members").GetInt32().ShouldBeGreaterThanOrEqualTo(10);
        var lyon = await adminApi.GetFromJsonAsync<JsonElement>($"{Url}?locationId={world.Lyon}");
        lyon.GetProperty("connectionsThisWeek").GetInt32().ShouldBe(1);

        var (html, doc) = await TestApp.GetHtmlAsync(parisPage, "/admin/community");
        doc.QuerySelector("#figure-connections .figure")!.TextContent.ShouldBe("3");
        doc.QuerySelector("#connections-this-week")!.TextContent.ShouldContain("3");
        doc.QuerySelector("#figure-met-nobody .figure")!.TextContent.ShouldBe("2");
        doc.QuerySelector("#chart-connections")!.GetAttribute("role").ShouldBe("img");
        doc.QuerySelectorAll("#chart-connections rect.bar").Length.ShouldBe(6); // week −2: 1; week −1: 3 kinds; this week: answers and teams
        var thisWeek = doc.QuerySelector($"#table-connections tr[data-week='{world.ThisMonday:yyyy-MM-dd}']")!;
        thisWeek.QuerySelector(".teams")!.TextContent.ShouldBe("2");
        doc.QuerySelector("a[href='/admin/community'][aria-current='page']").ShouldNotBeNull();
        world.Names.ShouldAllBe(name => !html.Contains(name));
        await TestApp.GetHtmlAsync(lyonPage, $"/admin/community?locationId={world.Paris}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Bad_weeks_or_location_are_refused_by_field()
    {
        var admin = TestApp.NewEmail("health-admin");
        await app.CreateUserAsync(admin, networkAdmin: true);
        using var api = await app.ClientForAsync(admin);

        foreach (var weeks in new[] { "3", "27", "-1" })
        {
            using var response = await api.GetAsync($"{Url}?weeks={weeks}");
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("weeks", out _).ShouldBeTrue(weeks);
        }
        using var notANumber = await api.GetAsync($"{Url}?weeks=twelve");
        notANumber.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await notANumber.Content.ReadAsStringAsync()).ShouldContain("weeks");
        using var notAnId = await api.GetAsync($"{Url}?locationId=nowhere");
        notAnId.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await notAnId.Content.ReadAsStringAsync()).ShouldContain("locationId");
        using var unknown = await api.GetAsync($"{Url}?locationId={Guid.NewGuid()}");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // The page offers 4, 8, 12 or 26 weeks; a period out of range is named and the default shown.
        using var browser = await app.BrowserClientAsync(admin);
        var (_, eight) = await TestApp.GetHtmlAsync(browser, "/admin/community?weeks=8");
        eight.QuerySelectorAll("#table-connections tr[data-week]").Length.ShouldBe(8);
        eight.QuerySelector("#weeks option[selected]")!.GetAttribute("value").ShouldBe("8");
        var (_, refused) = await TestApp.GetHtmlAsync(browser, "/admin/community?weeks=40");
        refused.QuerySelector(".notice.error")!.TextContent.ShouldContain("Choisissez entre 4 et 26 semaines.");
        refused.QuerySelectorAll("#table-connections tr[data-week]").Length.ShouldBe(CommunityHealth.DefaultWeeks);
    }

    [Fact]
    public void The_median_takes_the_middle_or_the_mean_of_the_two_middles()
    {
        CommunityHealth.Median([]).ShouldBeNull();
        CommunityHealth.Median([5, 1, 3]).ShouldBe(3);
        CommunityHealth.Median([4, 1, 2, 10]).ShouldBe(3);
        CommunityHealth.Median([0.25, 0.1]).ShouldBe(0.2); // 0.175, to one decimal
    }
}

[Collection(SqliteCollection.Name)]
public sealed class CommunityHealthTests_Sqlite(SqliteTestApp app) : CommunityHealthTests(app);

[Collection(PostgresCollection.Name)]
public sealed class CommunityHealthTests_Postgres(PostgresTestApp app) : CommunityHealthTests(app);
