using System.Net;
using System.Net.Http.Json;
using Cotravail.Common.Audit;
using Cotravail.Modules.Demo;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Common.Auth;

/// Authenticator-app enrolment, the second sign-in step, single-use codes (also in parallel),
/// recovery codes, the token endpoint's code, and staff sent to enrol.
public abstract class TwoFactorTests(TestApp app)
{
    [Fact]
    public async Task A_member_enrols_then_signing_in_asks_for_the_code_which_works_once()
    {
        var email = TestApp.NewEmail();
        var user = await app.CreateUserAsync(email);
        byte[] key;
        using (var browser = await app.BrowserClientAsync(email))
        {
            (key, _) = await SecurityHelpers.EnrolAsync(app, browser);
            var (_, security) = await TestApp.GetHtmlAsync(browser, "/me/security");
            security.QuerySelector("#two-factor-status")!.TextContent.ShouldStartWith("Activée");
        }
        SecurityHelpers.NextStep(app);
        using var client = app.AnonymousClient();

        using var password = await TestApp.PostFormAsync(client, "/account/sign-in", SecurityHelpers.SignInForm(email, DemoAccounts.Password));
        password.Headers.Location!.OriginalString.ShouldStartWith("/account/sign-in/two-factor");
        var code = SecurityHelpers.CodeNow(app, key);
        using var second = await TestApp.PostFormAsync(client, "/account/sign-in/two-factor", new Dictionary<string, string> { ["Input.Code"] = code });
        second.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        second.Headers.Location!.OriginalString.ShouldBe("/me");

        using var again = app.AnonymousClient();
        using var password2 = await TestApp.PostFormAsync(again, "/account/sign-in", SecurityHelpers.SignInForm(email, DemoAccounts.Password));
        using var replay = await TestApp.PostFormAsync(again, "/account/sign-in/two-factor", new Dictionary<string, string> { ["Input.Code"] = code });
        replay.StatusCode.ShouldBe(HttpStatusCode.OK, "the same code a second time is refused");
        (await TestApp.ParseAsync(replay)).Doc.QuerySelector("#code-error")!.TextContent.ShouldContain("déjà été utilisé");
        (await SecurityHelpers.AuditOfAsync(app, user.Id)).Select(a => a.Action).ShouldContain(AuditActions.TwoFactorEnabled);
    }

    [Fact]
    public async Task Wrong_codes_at_the_second_step_count_towards_the_lockout()
    {
        var email = TestApp.NewEmail();
        var user = await app.CreateUserAsync(email);
        byte[] key;
        using (var browser = await app.BrowserClientAsync(email))
        {
            (key, _) = await SecurityHelpers.EnrolAsync(app, browser);
        }
        SecurityHelpers.NextStep(app);
        using var client = app.AnonymousClient();
        using (var password = await TestApp.PostFormAsync(client, "/account/sign-in", SecurityHelpers.SignInForm(email, DemoAccounts.Password)))
        {
            password.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        for (var i = 0; i < 10; i++)
        {
            using var wrong = await TestApp.PostFormAsync(client, "/account/sign-in/two-factor",
                new Dictionary<string, string> { ["Input.Code"] = i % 2 == 0 ? WrongCode(SecurityHelpers.CodeNow(app, key)) : "ABCDE-FGHIJ" });
            wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        using var right = await TestApp.PostFormAsync(client, "/account/sign-in/two-factor",
            new Dictionary<string, string> { ["Input.Code"] = SecurityHelpers.CodeNow(app, key) });

        right.StatusCode.ShouldBe(HttpStatusCode.OK, "the account is locked, even for the right code");
        (await SecurityHelpers.AuditOfAsync(app, user.Id)).Select(a => a.Action).ShouldContain(AuditActions.AccountLocked);
    }

    [Fact]
    public async Task Turning_two_factor_off_asks_for_the_password_and_then_signing_in_needs_no_code()
    {
        var email = TestApp.NewEmail();
        var user = await app.CreateUserAsync(email);
        using var browser = await app.BrowserClientAsync(email);
        await SecurityHelpers.EnrolAsync(app, browser);

        using var wrong = await TestApp.PostFormAsync(browser, "/me/security?handler=DisableTwoFactor",
            new Dictionary<string, string> { ["Input.Password"] = "not my password at all" }, "/me/security");
        using var right = await TestApp.PostFormAsync(browser, "/me/security?handler=DisableTwoFactor",
            new Dictionary<string, string> { ["Input.Password"] = DemoAccounts.Password }, "/me/security");
        var (_, page) = await TestApp.GetHtmlAsync(browser, "/me/security");
        using var fresh = app.AnonymousClient();
        using var again = await TestApp.PostFormAsync(fresh, "/account/sign-in", SecurityHelpers.SignInForm(email, DemoAccounts.Password));

        again.Headers.Location!.OriginalString.ShouldBe("/me");
        wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await TestApp.ParseAsync(wrong)).Doc.QuerySelector("#disable-error")!.TextContent.ShouldNotBeNullOrWhiteSpace();
        right.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.QuerySelector("#two-factor-status")!.TextContent.ShouldStartWith("Désactivée");
        (await SecurityHelpers.AuditOfAsync(app, user.Id)).Select(a => a.Action).ShouldContain(AuditActions.TwoFactorDisabled);
        await app.WithDbAsync(async db => (await db.RecoveryCodes.CountAsync(c => c.UserId == user.Id)).ShouldBe(0));
    }

    [Fact]
    public async Task Two_parallel_uses_of_one_code_give_exactly_one_success()
    {
        var email = TestApp.NewEmail();
        await app.CreateUserAsync(email);
        byte[] key;
        using (var browser = await app.BrowserClientAsync(email))
        {
            (key, _) = await SecurityHelpers.EnrolAsync(app, browser);
        }
        SecurityHelpers.NextStep(app);
        var code = SecurityHelpers.CodeNow(app, key);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            var ok = false;
            await SecurityHelpers.WithUsersAsync(app, async (users, _) =>
            {
                var user = (await users.FindByEmailAsync(email))!;
                ok = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code);
            });
            return ok;
        }));

        attempts.Count(ok => ok).ShouldBe(1);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var email = TestApp.NewEmail();
        await app.CreateUserAsync(email);
        IReadOnlyList<string> recovery;
        using (var browser = await app.BrowserClientAsync(email))
        {
            (_, recovery) = await SecurityHelpers.EnrolAsync(app, browser);
        }

        var first = await SignInWithAsync(email, recovery[0]);
        var second = await SignInWithAsync(email, recovery[0].ToLowerInvariant());
        var another = await SignInWithAsync(email, recovery[1]);

        first.ShouldBe(HttpStatusCode.Redirect);
        second.ShouldBe(HttpStatusCode.OK, "a used recovery code is refused");
        another.ShouldBe(HttpStatusCode.Redirect);
        await SecurityHelpers.WithUsersAsync(app, async (users, _) =>
            (await users.CountRecoveryCodesAsync((await users.FindByEmailAsync(email))!)).ShouldBe(8));
    }

    [Fact]
    public async Task The_token_endpoint_requires_the_code_of_an_account_with_two_factor()
    {
        var email = TestApp.NewEmail();
        await app.CreateUserAsync(email);
        byte[] key;
        using (var browser = await app.BrowserClientAsync(email))
        {
            (key, _) = await SecurityHelpers.EnrolAsync(app, browser);
        }
        SecurityHelpers.NextStep(app);
        using var client = app.AnonymousClient();

        using var without = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = DemoAccounts.Password });
        using var wrong = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = DemoAccounts.Password, code = WrongCode(SecurityHelpers.CodeNow(app, key)) });
        using var right = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = DemoAccounts.Password, code = SecurityHelpers.CodeNow(app, key) });

        without.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await without.Content.ReadAsStringAsync()).ShouldContain("two-factor code is required");
        wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        right.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Staff_without_two_factor_are_sent_to_enrol_before_the_back_office_when_it_is_required()
    {
        var email = TestApp.NewEmail("admin");
        await app.CreateUserAsync(email, networkAdmin: true);
        var host = app.SecuredHost();
        using var browser = host.Client(SecurityHelpers.NewPeer());
        using (var signIn = await TestApp.PostFormAsync(browser, "/account/sign-in", SecurityHelpers.SignInForm(email, DemoAccounts.Password)))
        {
            signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        using var before = await browser.GetAsync("/admin");
        using var token = await host.Client(SecurityHelpers.NewPeer()).PostAsJsonAsync("/api/v1/auth/token", new { email, password = DemoAccounts.Password });
        await SecurityHelpers.EnrolAsync(app, browser);
        using var after = await browser.GetAsync("/admin");

        before.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        before.Headers.Location!.OriginalString.ShouldBe("/me/security/two-factor?required=true");
        token.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        after.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static string WrongCode(string right) =>
        ((int.Parse(right, System.Globalization.CultureInfo.InvariantCulture) + 500_000) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<HttpStatusCode> SignInWithAsync(string email, string code)
    {
        using var client = app.AnonymousClient();
        using var password = await TestApp.PostFormAsync(client, "/account/sign-in", SecurityHelpers.SignInForm(email, DemoAccounts.Password));
        password.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var second = await TestApp.PostFormAsync(client, "/account/sign-in/two-factor", new Dictionary<string, string> { ["Input.Code"] = code });
        return second.StatusCode;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class TwoFactorTests_Sqlite(SqliteTestApp app) : TwoFactorTests(app);

[Collection(PostgresCollection.Name)]
public sealed class TwoFactorTests_Postgres(PostgresTestApp app) : TwoFactorTests(app);
