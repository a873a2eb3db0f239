using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Common.Audit;
using Cotravail.Modules.Demo;
using Cotravail.Modules.Joining;
using Cotravail.Modules.Members;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Cotravail.Modules.Locations;

namespace Cotravail.Tests.Modules.Joining;

/// Uses the demo network: the Lyon and Paris managers, the company admin and the Lyon location.
public abstract class JoiningTests(TestApp app)
{
    private const string Password = "my-own-passphrase-2026";

    [Fact]
    public async Task A_visitor_asks_to_join_and_only_a_manager_of_that_location_approves_then_signs_in_as_a_member()
    {
        var email = TestApp.NewEmail("visitor");
        using var visitor = app.AnonymousClient();
        var (_, sent) = await TestApp.ParseAsync(await AskToJoinAsync(visitor, DemoAccounts.LyonSlug, email));
        sent.QuerySelector("#join-sent").ShouldNotBeNull();
        var id = await app.WithDbAsync(db => db.JoinRequests.Where(r => r.Email == email).Select(r => r.Id).SingleAsync());
        (await app.WithDbAsync(db => db.Members.AnyAsync(m => m.Email == email))).ShouldBeFalse("no member access before approval");
        (await app.EmailsToAsync(DemoAccounts.LyonManager)).ShouldContain(m => m.TextBody.Contains("Camille Durand demande à rejoindre Lyon Part-Dieu", StringComparison.Ordinal));
        (await app.EmailsToAsync(DemoAccounts.ParisManager)).ShouldNotContain(m => m.TextBody.Contains("Camille Durand", StringComparison.Ordinal), "Paris's manager is not told of Lyon's requests");

        var confirm = (await app.LastEmailToAsync(email)).LinkTo("/account/confirm-email");
        var (_, confirmed) = await TestApp.GetHtmlAsync(visitor, confirm);
        confirmed.QuerySelector("#email-confirmed").ShouldNotBeNull();
        (await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.EmailConfirmed).SingleAsync())).ShouldBeTrue();

        using var paris = await app.ClientForAsync(DemoAccounts.ParisManager);
        (await paris.GetStringAsync("/api/v1/join-requests?status=Pending")).ShouldNotContain(id.ToString());
        using var outOfScope = await paris.PostAsync($"/api/v1/join-requests/{id}/approve", null);
        outOfScope.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var lyon = await app.ClientForAsync(DemoAccounts.LyonManager);
        (await lyon.GetStringAsync("/api/v1/join-requests?status=Pending")).ShouldContain(id.ToString());
        using var approved = await lyon.PostAsync($"/api/v1/join-requests/{id}/approve", null);
        using var again = await lyon.PostAsync($"/api/v1/join-requests/{id}/approve", null);

        approved.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await approved.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("status").GetString().ShouldBe("Approved");
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var member = await app.WithDbAsync(db => db.Members.AsNoTracking().SingleAsync(m => m.Email == email));
        member.UserId.ShouldNotBeNull();
        member.IsActive.ShouldBeTrue();
        member.Category.ShouldBe(MemberCategory.Freelancer);
        (await app.WithDbAsync(db => db.Locations.Where(l => l.Id == member.HomeLocationId).Select(l => l.Slug).SingleAsync())).ShouldBe(DemoAccounts.LyonSlug);
        (await app.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(a => a.Action == AuditActions.MemberApproved && a.TargetId == member.Id))).ShouldBeTrue();
        (await app.LastEmailToAsync(email)).Subject.ShouldBe("Bienvenue à Lyon Part-Dieu");

        using var signedIn = await app.BrowserClientAsync(email, Password);
        var (me, _) = await TestApp.GetHtmlAsync(signedIn, "/me");
        me.ShouldContain("Lyon Part-Dieu");
        me.ShouldNotContain("n'est lié à aucune adhésion");
    }

    [Fact]
    public async Task A_manager_declines_from_the_page_the_person_is_told_why_and_cannot_sign_in()
    {
        var email = TestApp.NewEmail("declined");
        using var visitor = app.AnonymousClient();
        (await AskToJoinAsync(visitor, DemoAccounts.LyonSlug, email)).Dispose();
        var id = await app.WithDbAsync(db => db.JoinRequests.Where(r => r.Email == email).Select(r => r.Id).SingleAsync());
        using var manager = await app.BrowserClientAsync(DemoAccounts.LyonManager);

        using var response = await TestApp.PostFormAsync(manager, $"/admin/join-requests?handler=Decline&id={id}",
            new Dictionary<string, string> { ["reason"] = "Complet jusqu'en septembre" }, "/admin/join-requests");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var request = await app.WithDbAsync(db => db.JoinRequests.AsNoTracking().SingleAsync(r => r.Id == id));
        request.Status.ShouldBe(JoinRequestStatus.Declined);
        (await app.LastEmailToAsync(email)).TextBody.ShouldContain("Complet jusqu'en septembre");
        (await app.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(a => a.Action == AuditActions.MemberDeclined && a.TargetId == id))).ShouldBeTrue();
        await Should.ThrowAsync<InvalidOperationException>(() => app.BrowserClientAsync(email, Password));
    }

    [Fact]
    public async Task Asking_to_join_with_a_taken_email_shows_the_message_by_the_field_and_keeps_the_form()
    {
        using var visitor = app.AnonymousClient();

        var (_, page) = await TestApp.ParseAsync(await AskToJoinAsync(visitor, DemoAccounts.LyonSlug, DemoAccounts.Member));

        page.QuerySelector("#join-sent").ShouldBeNull();
        page.QuerySelector("#Input_Email-error")!.TextContent.ShouldContain("Un compte utilise déjà cette adresse e-mail.");
        page.QuerySelector("#Input_FirstName")!.GetAttribute("value").ShouldBe("Camille");
    }

    [Fact]
    public async Task The_invitation_form_shows_a_taken_email_by_its_field_and_keeps_what_was_typed()
    {
        var lyonId = await LocationIdAsync(DemoAccounts.LyonSlug);
        using var manager = await app.BrowserClientAsync(DemoAccounts.LyonManager);

        using var response = await TestApp.PostFormAsync(manager, "/admin/invitations", new Dictionary<string, string>
        {
            ["Input.FirstName"] = "Déjà",
            ["Input.LastName"] = "Là",
            ["Input.Email"] = DemoAccounts.Member,
            ["Input.LocationId"] = lyonId.ToString(),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var (html, page) = await TestApp.ParseAsync(response);
        page.QuerySelector("#Input_Email-error")!.TextContent.ShouldContain("Un compte utilise déjà cette adresse e-mail.", Case.Sensitive, html);
        page.QuerySelector("#Input_FirstName")!.GetAttribute("value").ShouldBe("Déjà");
    }

    [Fact]
    public async Task An_unknown_or_closed_location_has_no_join_page()
    {
        using var visitor = app.AnonymousClient();

        await TestApp.GetHtmlAsync(visitor, $"/join/nowhere-{Guid.NewGuid():N}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_managers_list_join_requests()
    {
        using var member = await app.ClientForAsync(DemoAccounts.Member);

        using var response = await member.GetAsync("/api/v1/join-requests");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_invitation_is_accepted_once_and_makes_an_active_member()
    {
        var email = TestApp.NewEmail("invited");
        var lyonId = await LocationIdAsync(DemoAccounts.LyonSlug);
        using var lyon = await app.ClientForAsync(DemoAccounts.LyonManager);

        using var created = await lyon.PostAsJsonAsync("/api/v1/invitations", new { email, firstName = "Inès", lastName = "Martin", locationId = lyonId, category = "Consultant" });

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await created.Content.ReadAsStringAsync()).ShouldNotContain("token", Case.Insensitive);
        var link = (await app.LastEmailToAsync(email)).LinkTo("/join/accept");
        var token = link[(link.IndexOf('=') + 1)..];
        (await app.WithDbAsync(db => db.Invitations.AnyAsync(i => i.TokenHash == token))).ShouldBeFalse("only the hash is stored");

        using var browser = app.AnonymousClient();
        using var accepted = await TestApp.PostFormAsync(browser, link, new Dictionary<string, string> { ["Token"] = token, ["Input.Password"] = Password });
        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        accepted.Headers.Location!.OriginalString.ShouldBe("/me");
        var member = await app.WithDbAsync(db => db.Members.AsNoTracking().SingleAsync(m => m.Email == email));
        member.IsActive.ShouldBeTrue();
        member.Category.ShouldBe(MemberCategory.Consultant);
        member.HomeLocationId.ShouldBe(lyonId);
        (await app.WithDbAsync(db => db.Users.Where(u => u.Id == member.UserId).Select(u => u.EmailConfirmed).SingleAsync())).ShouldBeTrue();

        using var other = app.AnonymousClient();
        var (_, reused) = await TestApp.GetHtmlAsync(other, link, HttpStatusCode.NotFound);
        reused.QuerySelector("#invitation-invalid").ShouldNotBeNull();
        using var signedIn = await app.BrowserClientAsync(email, Password);
    }

    [Fact]
    public async Task An_expired_invitation_is_refused()
    {
        var email = TestApp.NewEmail("late");
        var lyonId = await LocationIdAsync(DemoAccounts.LyonSlug);
        using var lyon = await app.ClientForAsync(DemoAccounts.LyonManager);
        using var created = await lyon.PostAsJsonAsync("/api/v1/invitations", new { email, firstName = "Paul", lastName = "Lent", locationId = lyonId });
        var link = (await app.LastEmailToAsync(email)).LinkTo("/join/accept");
        var past = app.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1);
        await app.WithDbAsync(db => db.Invitations.Where(i => i.Email == email).ExecuteUpdateAsync(s => s.SetProperty(i => i.ExpiresAt, past)));
        using var browser = app.AnonymousClient();

        var (_, page) = await TestApp.GetHtmlAsync(browser, link, HttpStatusCode.NotFound);

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        page.QuerySelector("#invitation-invalid").ShouldNotBeNull();
        page.QuerySelector("input[name='Input.Password']").ShouldBeNull();
    }

    [Fact]
    public async Task A_manager_cannot_invite_to_a_location_they_do_not_manage_nor_an_email_already_used()
    {
        var lyonId = await LocationIdAsync(DemoAccounts.LyonSlug);
        using var paris = await app.ClientForAsync(DemoAccounts.ParisManager);
        using var lyon = await app.ClientForAsync(DemoAccounts.LyonManager);

        using var outOfScope = await paris.PostAsJsonAsync("/api/v1/invitations", new { email = TestApp.NewEmail(), firstName = "A", lastName = "B", locationId = lyonId });
        using var taken = await lyon.PostAsJsonAsync("/api/v1/invitations", new { email = DemoAccounts.Member, firstName = "A", lastName = "B", locationId = lyonId });
        using var invalid = await lyon.PostAsJsonAsync("/api/v1/invitations", new { email = "nope", firstName = "", lastName = "B" });

        outOfScope.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        taken.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await taken.Content.ReadAsStringAsync()).ShouldContain("\"email\"");
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problems = await invalid.Content.ReadAsStringAsync();
        problems.ShouldContain("\"email\"");
        problems.ShouldContain("\"firstName\"");
        problems.ShouldContain("\"locationId\"");
    }

    [Fact]
    public async Task A_company_admin_invites_an_employee_who_joins_that_company_billed_to_it()
    {
        var email = TestApp.NewEmail("employee");
        var lyonId = await LocationIdAsync(DemoAccounts.LyonSlug);
        var companyId = await app.WithDbAsync(db => db.Members.Where(m => m.Email == DemoAccounts.CompanyAdmin).Select(m => m.CompanyId).SingleAsync());
        using var admin = await app.BrowserClientAsync(DemoAccounts.CompanyAdmin);

        using var sent = await TestApp.PostFormAsync(admin, "/me/company", new Dictionary<string, string>
        {
            ["Input.FirstName"] = "Hugo",
            ["Input.LastName"] = "Bernard",
            ["Input.Email"] = email,
            ["Input.LocationId"] = lyonId.ToString(),
        });
        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var link = (await app.LastEmailToAsync(email)).LinkTo("/join/accept");
        using var browser = app.AnonymousClient();
        using var accepted = await TestApp.PostFormAsync(browser, link, new Dictionary<string, string>
        {
            ["Token"] = link[(link.IndexOf('=') + 1)..],
            ["Input.Password"] = Password,
        });

        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var member = await app.WithDbAsync(db => db.Members.AsNoTracking().SingleAsync(m => m.Email == email));
        member.CompanyId.ShouldBe(companyId);
        member.BilledToCompany.ShouldBeTrue();
        member.IsCompanyAdmin.ShouldBeFalse();
        member.Category.ShouldBe(MemberCategory.CompanyEmployee);
        var (_, page) = await TestApp.GetHtmlAsync(admin, "/me/company");
        var listed = page.QuerySelectorAll("#company-members tbody tr td:nth-child(2)").Select(c => c.TextContent.Trim()).ToList();
        listed.ShouldContain(email);
        var ofCompany = await app.WithDbAsync(db => db.Members.Where(m => m.CompanyId == companyId).Select(m => m.Email).ToListAsync());
        listed.ShouldAllBe(e => ofCompany.Contains(e));
    }

    [Fact]
    public async Task A_company_admins_api_invitation_is_for_their_company_and_a_plain_member_may_not_invite()
    {
        var email = TestApp.NewEmail("employee");
        var lyonId = await LocationIdAsync(DemoAccounts.LyonSlug);
        var companyId = await app.WithDbAsync(db => db.Members.Where(m => m.Email == DemoAccounts.CompanyAdmin).Select(m => m.CompanyId).SingleAsync());
        using var admin = await app.ClientForAsync(DemoAccounts.CompanyAdmin);
        using var member = await app.ClientForAsync(DemoAccounts.Member);

        using var created = await admin.PostAsJsonAsync("/api/v1/invitations", new { email, firstName = "Léa", lastName = "Petit", locationId = lyonId, category = "Student" });
        using var refused = await member.PostAsJsonAsync("/api/v1/invitations", new { email = TestApp.NewEmail(), firstName = "A", lastName = "B", locationId = lyonId });

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("companyId").GetGuid().ShouldBe(companyId!.Value);
        body.GetProperty("category").GetString().ShouldBe("CompanyEmployee");
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private Task<Guid> LocationIdAsync(string slug) => app.WithDbAsync(db => db.Locations.Where(l => l.Slug == slug).Select(l => l.Id).SingleAsync());

    private static Task<HttpResponseMessage> AskToJoinAsync(HttpClient visitor, string slug, string email) =>
        TestApp.PostFormAsync(visitor, $"/join/{slug}", new Dictionary<string, string>
        {
            ["Input.FirstName"] = "Camille",
            ["Input.LastName"] = "Durand",
            ["Input.Email"] = email,
            ["Input.Phone"] = "+33 6 12 34 56 78",
            ["Input.Category"] = "Freelancer",
            ["Input.CompanyName"] = "Durand Conseil",
            ["Input.Message"] = "Je cherche un poste trois jours par semaine.",
            ["Input.Password"] = Password,
        });
}

[Collection(SqliteCollection.Name)]
public sealed class JoiningTests_Sqlite(SqliteTestApp app) : JoiningTests(app);

[Collection(PostgresCollection.Name)]
public sealed class JoiningTests_Postgres(PostgresTestApp app) : JoiningTests(app);
