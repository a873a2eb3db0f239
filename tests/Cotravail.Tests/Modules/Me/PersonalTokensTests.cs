using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Common.Audit;
using Cotravail.Common.Auth;
using Cotravail.Tests.Common.Auth;
using Cotravail.Tests.Infrastructure;

namespace Cotravail.Tests.Modules.Me;

/// Personal access tokens: created with a scope and an expiry, listed without their value, revoked;
/// a read-only token only reads; revoked, expired, query-string and deactivated-user tokens get 401.
public abstract class PersonalTokensTests(TestApp app)
{
    [Fact]
    public async Task A_read_only_token_reads_but_is_refused_403_on_writes()
    {
        var email = TestApp.NewEmail();
        await app.CreateUserAsync(email);
        using var owner = await app.ClientForAsync(email);
        var token = await CreateAsync(owner, "reporting", "Read", 30);
        using var reader = app.WithBearer(token);

        using var read = await reader.GetAsync("/api/v1/locations");
        using var write = await reader.PostAsJsonAsync("/api/v1/me/tokens", new { name = "sneaky", scope = "ReadWrite", expiresInDays = 30 });
        using var delete = await reader.DeleteAsync($"/api/v1/me/tokens/{Guid.CreateVersion7()}");

        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        write.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        delete.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Tokens_are_listed_without_their_value_and_a_revoked_one_gets_401()
    {
        var email = TestApp.NewEmail();
        var user = await app.CreateUserAsync(email);
        using var owner = await app.ClientForAsync(email);
        var token = await CreateAsync(owner, "backup script", "ReadWrite", 90);
        using var script = app.WithBearer(token);

        var listed = await owner.GetStringAsync("/api/v1/me/tokens");
        using var before = await script.GetAsync("/api/v1/locations");
        var id = JsonDocument.Parse(listed).RootElement.EnumerateArray().Single(t => t.GetProperty("name").GetString() == "backup script").GetProperty("id").GetGuid();
        using var revoke = await owner.DeleteAsync($"/api/v1/me/tokens/{id}");
        using var after = await script.GetAsync("/api/v1/locations");

        listed.ShouldNotContain(token);
        before.StatusCode.ShouldBe(HttpStatusCode.OK);
        revoke.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        after.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var actions = (await SecurityHelpers.AuditOfAsync(app, user.Id)).Select(a => a.Action).ToList();
        actions.ShouldContain(AuditActions.TokenCreated);
        await app.WithDbAsync(async db => db.Set<AuditEntry>().Any(a => a.TargetId == id && a.Action == AuditActions.TokenRevoked).ShouldBeTrue());
    }

    [Fact]
    public async Task Expired_tokens_tokens_in_the_query_string_and_other_peoples_tokens_do_not_work()
    {
        var email = TestApp.NewEmail();
        var user = await app.CreateUserAsync(email);
        using var owner = await app.ClientForAsync(email);
        var live = await CreateAsync(owner, "live", "Read", 30);
        var (expired, plain) = ApiToken.Issue(user.Id, user.SecurityStamp, "old", app.Clock.GetUtcNow().UtcDateTime.AddDays(-40), TimeSpan.FromDays(30), TokenScope.Read);
        await app.WithDbAsync(async db =>
        {
            db.ApiTokens.Add(expired);
            await db.SaveChangesAsync();
        });
        var stranger = TestApp.NewEmail();
        await app.CreateUserAsync(stranger);
        using var other = await app.ClientForAsync(stranger);
        using var anonymous = app.AnonymousClient();

        using var old = await app.WithBearer(plain).GetAsync("/api/v1/locations");
        using var query = await anonymous.GetAsync($"/api/v1/locations?access_token={live}");
        using var foreign = await other.DeleteAsync($"/api/v1/me/tokens/{expired.Id}");

        old.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        query.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        foreign.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_lifetime_other_than_30_90_or_365_days_or_a_date_beyond_a_year_is_a_400_naming_the_field()
    {
        var email = TestApp.NewEmail();
        await app.CreateUserAsync(email);
        using var owner = await app.ClientForAsync(email);
        var tooFar = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime.AddDays(400));

        using var days = await owner.PostAsJsonAsync("/api/v1/me/tokens", new { name = "x", scope = "Read", expiresInDays = 45 });
        using var date = await owner.PostAsJsonAsync("/api/v1/me/tokens", new { name = "x", scope = "Read", expiresOn = tooFar });
        using var fine = await owner.PostAsJsonAsync("/api/v1/me/tokens", new { name = "x", scope = "Read", expiresOn = tooFar.AddDays(-100) });

        days.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await days.Content.ReadAsStringAsync()).ShouldContain("expiresInDays");
        date.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await date.Content.ReadAsStringAsync()).ShouldContain("expiresOn");
        fine.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task The_tokens_page_shows_a_new_token_once_and_revokes_it()
    {
        var email = TestApp.NewEmail();
        await app.CreateUserAsync(email);
        using var browser = await app.BrowserClientAsync(email);

        using var created = await TestApp.PostFormAsync(browser, "/me/tokens?handler=Create",
            new Dictionary<string, string> { ["Input.Name"] = "tableur", ["Input.Scope"] = "Read", ["Input.ExpiresInDays"] = "365" }, "/me/tokens");
        var (_, page) = await TestApp.ParseAsync(created);
        var token = page.QuerySelector("#new-token")!.TextContent;
        using var api = app.WithBearer(token);
        using var works = await api.GetAsync("/api/v1/locations");
        var (_, list) = await TestApp.GetHtmlAsync(browser, "/me/tokens");
        var revokeAction = list.QuerySelector("form[action*='handler=Revoke']")!.GetAttribute("action")!;
        using var revoked = await TestApp.PostFormAsync(browser, revokeAction, [], "/me/tokens");
        using var refused = await api.GetAsync("/api/v1/locations");

        token.ShouldStartWith("ctv_");
        list.Body!.TextContent.ShouldNotContain(token);
        works.StatusCode.ShouldBe(HttpStatusCode.OK);
        revoked.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static async Task<string> CreateAsync(HttpClient owner, string name, string scope, int days)
    {
        using var response = await owner.PostAsJsonAsync("/api/v1/me/tokens", new { name, scope, expiresInDays = days });
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("token").GetString()!;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class PersonalTokensTests_Sqlite(SqliteTestApp app) : PersonalTokensTests(app);

[Collection(PostgresCollection.Name)]
public sealed class PersonalTokensTests_Postgres(PostgresTestApp app) : PersonalTokensTests(app);
