using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Modules.Demo;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Cotravail.Modules.Locations;

namespace Cotravail.Tests.Common.Auth;

/// API tokens end with the account's security stamp, as sessions do: a password changed or reset, or
/// "sign out everywhere", ends the 12-hour token and the personal access tokens at once; a new one works.
public abstract class TokenStampTests(TestApp app)
{
    private const string NewPassword = "un été à Dieulefit sous les tilleuls";

    [Fact]
    public async Task A_password_change_on_the_security_page_ends_the_sign_in_token_and_the_personal_tokens_and_new_ones_work()
    {
        var email = TestApp.NewEmail();
        await app.CreateUserAsync(email);
        var (signedIn, personal) = await TokensAsync(email, DemoAccounts.Password);
        using var browser = await app.BrowserClientAsync(email);

        using (var changed = await TestApp.PostFormAsync(browser, "/me/security/password",
            new Dictionary<string, string> { ["Input.Current"] = DemoAccounts.Password, ["Input.New"] = NewPassword }))
        {
            changed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await StatusWithAsync(signedIn)).ShouldBe(HttpStatusCode.Unauthorized);
        (await StatusWithAsync(personal)).ShouldBe(HttpStatusCode.Unauthorized);
        var (fresh, freshPersonal) = await TokensAsync(email, NewPassword);
        (await StatusWithAsync(fresh)).ShouldBe(HttpStatusCode.OK);
        (await StatusWithAsync(freshPersonal)).ShouldBe(HttpStatusCode.OK);
        (await ListedAsync(fresh)).ShouldBe(["fresh", "sign-in"], ignoreOrder: true, "only the tokens that still work are listed");
    }

    [Fact]
    public async Task A_password_reset_ends_the_sign_in_token_and_the_personal_tokens()
    {
        var email = TestApp.NewEmail();
        await app.CreateUserAsync(email);
        var (signedIn, personal) = await TokensAsync(email, DemoAccounts.Password);
        using var browser = app.AnonymousClient();
        using (var asked = await TestApp.PostFormAsync(browser, "/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = email }))
        {
            asked.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        var link = (await app.LastEmailToAsync(email)).LinkTo("/account/reset-password");
        var (_, form) = await TestApp.GetHtmlAsync(browser, link);
        using (var reset = await TestApp.PostFormAsync(browser, link, new Dictionary<string, string>
        {
            ["UserId"] = form.QuerySelector("input[name=UserId]")!.GetAttribute("value")!,
            ["Code"] = form.QuerySelector("input[name=Code]")!.GetAttribute("value")!,
            ["Input.Password"] = NewPassword,
        }))
        {
            (await TestApp.ParseAsync(reset)).Doc.QuerySelector("#reset-done").ShouldNotBeNull();
        }

        (await StatusWithAsync(signedIn)).ShouldBe(HttpStatusCode.Unauthorized);
        (await StatusWithAsync(personal)).ShouldBe(HttpStatusCode.Unauthorized);
        var (fresh, freshPersonal) = await TokensAsync(email, NewPassword);
        (await StatusWithAsync(fresh)).ShouldBe(HttpStatusCode.OK);
        (await StatusWithAsync(freshPersonal)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Sign_out_everywhere_ends_the_personal_tokens_too()
    {
        var email = TestApp.NewEmail();
        await app.CreateUserAsync(email);
        var (signedIn, personal) = await TokensAsync(email, DemoAccounts.Password);
        using var browser = await app.BrowserClientAsync(email);

        using (var response = await TestApp.PostFormAsync(browser, "/me/security?handler=SignOutEverywhere", [], "/me/security"))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await StatusWithAsync(signedIn)).ShouldBe(HttpStatusCode.Unauthorized);
        (await StatusWithAsync(personal)).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_session_that_a_password_change_is_ending_cannot_make_a_personal_token_that_outlives_it()
    {
        var email = TestApp.NewEmail();
        await app.CreateUserAsync(email);
        using var here = await app.BrowserClientAsync(email);
        using var stale = await app.BrowserClientAsync(email);
        using (var changed = await TestApp.PostFormAsync(here, "/me/security/password",
            new Dictionary<string, string> { ["Input.Current"] = DemoAccounts.Password, ["Input.New"] = NewPassword }))
        {
            changed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        // Within the minute before its next check, the other session still opens pages.
        using var created = await TestApp.PostFormAsync(stale, "/me/tokens?handler=Create",
            new Dictionary<string, string> { ["Input.Name"] = "left behind", ["Input.Scope"] = "ReadWrite", ["Input.ExpiresInDays"] = "30" }, "/me/tokens");
        var token = (await TestApp.ParseAsync(created)).Doc.QuerySelector("#new-token")!.TextContent;

        (await StatusWithAsync(token)).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Granting_a_staff_role_keeps_the_tokens_and_taking_it_away_ends_them_with_the_sessions()
    {
        var email = TestApp.NewEmail();
        var user = await app.CreateUserAsync(email);
        var adminEmail = TestApp.NewEmail("admin");
        await app.CreateUserAsync(adminEmail, networkAdmin: true);
        using var admin = await app.ClientForAsync(adminEmail);
        var locationId = await app.WithDbAsync(db => db.Locations.Select(l => l.Id).FirstAsync());
        var (signedIn, personal) = await TokensAsync(email, DemoAccounts.Password);

        using (var granted = await admin.PostAsJsonAsync("/api/v1/staff/roles", new { userId = user.Id, locationId, role = "Host" }))
        {
            granted.IsSuccessStatusCode.ShouldBeTrue(await granted.Content.ReadAsStringAsync());
        }
        var afterGrant = (await StatusWithAsync(signedIn), await StatusWithAsync(personal));
        using (var revoked = await admin.DeleteAsync($"/api/v1/staff/roles/{user.Id}/{locationId}"))
        {
            revoked.IsSuccessStatusCode.ShouldBeTrue(await revoked.Content.ReadAsStringAsync());
        }

        afterGrant.ShouldBe((HttpStatusCode.OK, HttpStatusCode.OK));
        (await StatusWithAsync(signedIn)).ShouldBe(HttpStatusCode.Unauthorized);
        (await StatusWithAsync(personal)).ShouldBe(HttpStatusCode.Unauthorized);
    }

    /// A 12-hour token from POST /api/v1/auth/token, and a personal access token made with it.
    private async Task<(string SignedIn, string Personal)> TokensAsync(string email, string password)
    {
        using var anonymous = app.AnonymousClient();
        using var issued = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { email, password });
        var body = await issued.Content.ReadAsStringAsync();
        issued.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        var signedIn = JsonDocument.Parse(body).RootElement.GetProperty("token").GetString()!;
        using var owner = app.WithBearer(signedIn);
        var name = password == DemoAccounts.Password ? "first" : "fresh";
        using var created = await owner.PostAsJsonAsync("/api/v1/me/tokens", new { name, scope = "Read", expiresInDays = 30 });
        body = await created.Content.ReadAsStringAsync();
        created.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        var personal = JsonDocument.Parse(body).RootElement.GetProperty("token").GetString()!;
        (await StatusWithAsync(signedIn)).ShouldBe(HttpStatusCode.OK);
        (await StatusWithAsync(personal)).ShouldBe(HttpStatusCode.OK);
        return (signedIn, personal);
    }

    private async Task<HttpStatusCode> StatusWithAsync(string token)
    {
        using var client = app.WithBearer(token);
        using var response = await client.GetAsync("/api/v1/me/tokens");
        return response.StatusCode;
    }

    private async Task<string[]> ListedAsync(string token)
    {
        using var client = app.WithBearer(token);
        var listed = await client.GetFromJsonAsync<JsonElement>("/api/v1/me/tokens");
        return [.. listed.EnumerateArray().Select(t => t.GetProperty("name").GetString()!)];
    }
}

[Collection(SqliteCollection.Name)]
public sealed class TokenStampTests_Sqlite(SqliteTestApp app) : TokenStampTests(app);

[Collection(PostgresCollection.Name)]
public sealed class TokenStampTests_Postgres(PostgresTestApp app) : TokenStampTests(app);
