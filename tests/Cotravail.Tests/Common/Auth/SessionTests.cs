using System.Net;
using Cotravail.Common.Audit;
using Cotravail.Common.Auth;
using Cotravail.Modules.Demo;
using Cotravail.Tests.Infrastructure;

namespace Cotravail.Tests.Common.Auth;

/// Session cookies and how other sessions end: "sign out everywhere" and a password change reach
/// every other session within the one-minute check (moved past with the test clock).
public abstract class SessionTests(TestApp app)
{
    [Fact]
    public async Task The_session_cookie_is_host_only_secure_http_only_and_lax()
    {
        var email = TestApp.NewEmail();
        await app.CreateUserAsync(email);
        using var client = app.AnonymousClient();

        using var response = await TestApp.PostFormAsync(client, "/account/sign-in", SecurityHelpers.SignInForm(email, DemoAccounts.Password));

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(AuthModule.SessionCookie + "=", StringComparison.Ordinal)).ToLowerInvariant();
        cookie.ShouldContain("secure");
        cookie.ShouldContain("httponly");
        cookie.ShouldContain("samesite=lax");
        cookie.ShouldContain("path=/");
        cookie.ShouldNotContain("domain=");
    }

    [Fact]
    public async Task Sign_out_everywhere_ends_the_other_sessions_within_the_check_interval()
    {
        var email = TestApp.NewEmail();
        var user = await app.CreateUserAsync(email);
        using var here = await app.BrowserClientAsync(email);
        using var elsewhere = await app.BrowserClientAsync(email);

        using (var response = await TestApp.PostFormAsync(here, "/me/security?handler=SignOutEverywhere", [], "/me/security"))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        app.Clock.Advance(AuthModule.SessionCheckInterval + TimeSpan.FromSeconds(1));
        using var other = await elsewhere.GetAsync("/me");
        using var same = await here.GetAsync("/me");

        other.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        other.Headers.Location!.OriginalString.ShouldContain("/account/sign-in");
        same.StatusCode.ShouldBe(HttpStatusCode.OK, "the session that asked stays signed in");
        (await SecurityHelpers.AuditOfAsync(app, user.Id)).Select(a => a.Action).ShouldContain(AuditActions.SessionsRevoked);
    }

    [Fact]
    public async Task A_password_change_ends_the_other_sessions_and_refuses_a_common_password_in_french()
    {
        var email = TestApp.NewEmail();
        var user = await app.CreateUserAsync(email);
        using var here = await app.BrowserClientAsync(email);
        using var elsewhere = await app.BrowserClientAsync(email);
        const string newPassword = "un été à Dieulefit sous les tilleuls";

        using var common = await TestApp.PostFormAsync(here, "/me/security/password",
            new Dictionary<string, string> { ["Input.Current"] = DemoAccounts.Password, ["Input.New"] = "WinnieThePooh" });
        using var changed = await TestApp.PostFormAsync(here, "/me/security/password",
            new Dictionary<string, string> { ["Input.Current"] = DemoAccounts.Password, ["Input.New"] = newPassword });
        app.Clock.Advance(AuthModule.SessionCheckInterval + TimeSpan.FromSeconds(1));
        using var other = await elsewhere.GetAsync("/me");
        using var same = await here.GetAsync("/me");

        common.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await TestApp.ParseAsync(common)).Doc.QuerySelector("#new-error")!.TextContent.ShouldBe("Ce mot de passe fait partie des plus courants : choisissez-en un autre.");
        changed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        other.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        same.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var again = await app.BrowserClientAsync(email, newPassword);
        (await SecurityHelpers.AuditOfAsync(app, user.Id)).Select(a => a.Action).ShouldContain(AuditActions.PasswordChanged);
    }

    [Fact]
    public async Task A_deactivated_account_loses_its_session_and_its_tokens()
    {
        var email = TestApp.NewEmail();
        await app.CreateUserAsync(email);
        using var browser = await app.BrowserClientAsync(email);
        using var api = await app.ClientForAsync(email);

        await app.WithDbAsync(async db =>
        {
            var user = db.Users.Single(u => u.Email == email);
            user.Deactivate();
            await db.SaveChangesAsync();
        });
        app.Clock.Advance(AuthModule.SessionCheckInterval + TimeSpan.FromSeconds(1));
        using var page = await browser.GetAsync("/me");
        using var call = await api.GetAsync("/api/v1/locations");

        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        call.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SessionTests_Sqlite(SqliteTestApp app) : SessionTests(app);

[Collection(PostgresCollection.Name)]
public sealed class SessionTests_Postgres(PostgresTestApp app) : SessionTests(app);
