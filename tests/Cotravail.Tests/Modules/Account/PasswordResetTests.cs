using System.Net;
using System.Net.Http.Json;
using Cotravail.Common.Audit;
using Cotravail.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Modules.Account;

public abstract class PasswordResetTests(TestApp app)
{
    private const string NewPassword = "a-brand-new-passphrase-42";

    [Fact]
    public async Task A_reset_link_sets_a_new_password_once_and_a_second_use_is_refused()
    {
        var email = TestApp.NewEmail();
        var user = await app.CreateUserAsync(email);
        using var browser = app.AnonymousClient();
        await AskForLinkAsync(browser, email);
        var link = (await app.LastEmailToAsync(email)).LinkTo("/account/reset-password");

        using var first = await SetPasswordAsync(browser, link, NewPassword);
        using var second = await SetPasswordAsync(browser, link, "yet-another-passphrase-43");

        var (_, done) = await TestApp.ParseAsync(first);
        done.QuerySelector("#reset-done").ShouldNotBeNull();
        using var signedIn = await app.BrowserClientAsync(email, NewPassword);
        var (_, refused) = await TestApp.ParseAsync(second);
        refused.QuerySelector("#reset-done").ShouldBeNull();
        refused.QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain("n'est pas valide ou a expiré");
        await Should.ThrowAsync<InvalidOperationException>(() => app.BrowserClientAsync(email, "yet-another-passphrase-43"));
        (await app.WithDbAsync(db => db.Set<AuditEntry>().AnyAsync(a => a.Action == AuditActions.PasswordReset && a.ActorUserId == user.Id))).ShouldBeTrue();
    }

    [Fact]
    public async Task An_unknown_email_gets_the_same_answer_and_no_email_is_queued()
    {
        var known = TestApp.NewEmail();
        var unknown = TestApp.NewEmail("nobody");
        await app.CreateUserAsync(known);
        using var browser = app.AnonymousClient();

        var knownAnswer = await AskForLinkAsync(browser, known);
        var unknownAnswer = await AskForLinkAsync(browser, unknown);
        using var api = app.AnonymousClient();
        using var apiKnown = await api.PostAsJsonAsync("/api/v1/auth/forgot-password", new { email = known });
        using var apiUnknown = await api.PostAsJsonAsync("/api/v1/auth/forgot-password", new { email = unknown });

        unknownAnswer.ShouldBe(knownAnswer);
        apiKnown.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        apiUnknown.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        (await apiUnknown.Content.ReadAsStringAsync()).ShouldBe(await apiKnown.Content.ReadAsStringAsync());
        (await app.EmailsToAsync(known)).Count.ShouldBe(2);
        (await app.EmailsToAsync(unknown)).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_expired_link_is_refused()
    {
        var email = TestApp.NewEmail();
        await app.CreateUserAsync(email);
        using var browser = app.AnonymousClient();
        await AskForLinkAsync(browser, email);
        var link = (await app.LastEmailToAsync(email)).LinkTo("/account/reset-password");
        // A second instance on the same database whose links live one millisecond: this one is past it.
        await using var strict = app.WithWebHostBuilder(b => b.UseSetting("Cotravail:Accounts:PasswordResetLifetime", "00:00:00.001"));
        using var strictBrowser = strict.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var expired = await SetPasswordAsync(strictBrowser, link, NewPassword);
        using var stillValid = await SetPasswordAsync(browser, link, NewPassword);

        var (_, refused) = await TestApp.ParseAsync(expired);
        refused.QuerySelector("#reset-done").ShouldBeNull();
        refused.QuerySelector(".validation-summary-errors")!.TextContent.ShouldContain("n'est pas valide ou a expiré");
        (await TestApp.ParseAsync(stillValid)).Doc.QuerySelector("#reset-done").ShouldNotBeNull();
    }

    [Fact]
    public async Task The_reset_email_is_in_the_users_language()
    {
        var email = TestApp.NewEmail();
        var user = await app.CreateUserAsync(email);
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredCulture, "en")));
        using var api = app.AnonymousClient();

        using var response = await api.PostAsJsonAsync("/api/v1/auth/forgot-password", new { email });

        var message = await app.LastEmailToAsync(email);
        message.Subject.ShouldBe("Reset your password");
        message.Culture.ShouldBe("en");
    }

    [Fact]
    public async Task The_api_names_a_malformed_email()
    {
        using var api = app.AnonymousClient();

        using var response = await api.PostAsJsonAsync("/api/v1/auth/forgot-password", new { email = "not-an-email" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("\"email\"");
    }

    private static async Task<string> AskForLinkAsync(HttpClient browser, string email)
    {
        using var response = await TestApp.PostFormAsync(browser, "/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var (_, doc) = await TestApp.ParseAsync(response);
        return doc.QuerySelector("#reset-sent")?.TextContent ?? throw new InvalidOperationException("No confirmation shown.");
    }

    private static async Task<HttpResponseMessage> SetPasswordAsync(HttpClient browser, string link, string password)
    {
        var (_, form) = await TestApp.GetHtmlAsync(browser, link);
        var fields = new Dictionary<string, string>
        {
            ["UserId"] = form.QuerySelector("input[name=UserId]")!.GetAttribute("value")!,
            ["Code"] = form.QuerySelector("input[name=Code]")!.GetAttribute("value")!,
            ["Input.Password"] = password,
        };
        return await TestApp.PostFormAsync(browser, link, fields);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class PasswordResetTests_Sqlite(SqliteTestApp app) : PasswordResetTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PasswordResetTests_Postgres(PostgresTestApp app) : PasswordResetTests(app);
