using System.Net;
using System.Net.Http.Json;
using Cotravail.Common.Audit;
using Cotravail.Common.Auth;
using Cotravail.Modules.Demo;
using Cotravail.Tests.Infrastructure;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Common.Auth;

/// Lockout after 10 failures on every door, audit of failures, rate limits with Retry-After, and
/// X-Forwarded-For believed only from a known proxy.
public abstract class BruteForceTests(TestApp app)
{
    [Fact]
    public async Task Ten_wrong_passwords_lock_the_account_even_the_right_password_then_fails_and_further_tries_get_429()
    {
        var email = TestApp.NewEmail();
        var user = await app.CreateUserAsync(email);
        var host = app.SecuredHost();
        using var client = host.Client(SecurityHelpers.NewPeer());

        for (var i = 0; i < 10; i++)
        {
            using var wrong = await TestApp.PostFormAsync(client, "/account/sign-in", SecurityHelpers.SignInForm(email, "not the password " + i));
            wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        using var right = await TestApp.PostFormAsync(client, "/account/sign-in", SecurityHelpers.SignInForm(email, DemoAccounts.Password));
        using var limited = await TestApp.PostFormAsync(client, "/account/sign-in", SecurityHelpers.SignInForm(email, DemoAccounts.Password));

        right.StatusCode.ShouldBe(HttpStatusCode.OK, "a locked account is not signed in");
        (await TestApp.ParseAsync(right)).Doc.QuerySelector(".validation-summary-errors")!.TextContent.ShouldNotBeNullOrWhiteSpace();
        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
        (await limited.Content.ReadAsStringAsync()).ShouldContain("Trop de tentatives");
        var audit = await SecurityHelpers.AuditOfAsync(app, user.Id);
        audit.Count(a => a.Action == AuditActions.SignInFailed).ShouldBe(11);
        audit.Count(a => a.Action == AuditActions.AccountLocked).ShouldBe(1);
    }

    [Fact]
    public async Task The_token_endpoint_counts_failures_towards_the_same_lockout()
    {
        var email = TestApp.NewEmail();
        var user = await app.CreateUserAsync(email);
        using var client = app.AnonymousClient();

        for (var i = 0; i < 10; i++)
        {
            using var wrong = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = "not the password " + i });
            wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }
        using var right = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = DemoAccounts.Password });
        using var page = await TestApp.PostFormAsync(client, "/account/sign-in", SecurityHelpers.SignInForm(email, DemoAccounts.Password));

        right.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        page.StatusCode.ShouldBe(HttpStatusCode.OK, "the page refuses the locked account too");
        (await SecurityHelpers.AuditOfAsync(app, user.Id)).ShouldContain(a => a.Action == AuditActions.AccountLocked);
    }

    [Fact]
    public async Task The_token_endpoint_answers_429_with_retry_after_and_problem_details_past_the_limit_per_address()
    {
        var host = app.SecuredHost();
        using var client = host.Client(SecurityHelpers.NewPeer());
        using var other = host.Client(SecurityHelpers.NewPeer());

        for (var i = 0; i < 3; i++)
        {
            using var refused = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = TestApp.NewEmail(), password = "whatever it is" });
            refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }
        using var limited = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = TestApp.NewEmail(), password = "whatever it is" });
        using var elsewhere = await other.PostAsJsonAsync("/api/v1/auth/token", new { email = TestApp.NewEmail(), password = "whatever it is" });

        limited.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        limited.Headers.RetryAfter.ShouldNotBeNull();
        limited.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        elsewhere.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "another address has its own budget");
    }

    [Fact]
    public async Task X_forwarded_for_is_ignored_from_an_unknown_proxy_and_used_from_a_known_one()
    {
        var email = TestApp.NewEmail();
        var user = await app.CreateUserAsync(email);
        var host = app.SecuredHost();
        using var unknown = host.Client("10.9.9.8");
        using var known = host.Client(SecurityHelpers.KnownProxy);
        unknown.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.66");
        known.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.77");

        using var viaUnknown = await unknown.PostAsJsonAsync("/api/v1/auth/token", new { email, password = "wrong password 1" });
        using var viaKnown = await known.PostAsJsonAsync("/api/v1/auth/token", new { email, password = "wrong password 2" });

        var ips = (await SecurityHelpers.AuditOfAsync(app, user.Id)).Where(a => a.Action == AuditActions.SignInFailed).Select(a => a.Ip).ToList();
        ips.ShouldBe(["10.9.9.8", "203.0.113.77"]);
    }

    [Fact]
    public void Sign_in_token_join_and_reset_routes_carry_their_rate_limit_policy()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        var limited = endpoints.Where(e => RateLimits.ForRoute(e.RoutePattern.RawText) is not null).ToList();

        limited.Select(e => e.RoutePattern.RawText!.Trim('/')).ShouldContain("account/sign-in");
        limited.Select(e => e.RoutePattern.RawText!.Trim('/')).ShouldContain("api/v1/auth/token");
        limited.Select(e => e.RoutePattern.RawText!.Trim('/')).ShouldContain("account/sign-in/two-factor");
        foreach (var endpoint in limited)
        {
            endpoint.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName
                .ShouldBe(RateLimits.ForRoute(endpoint.RoutePattern.RawText), endpoint.RoutePattern.RawText);
        }
        RateLimits.ForRoute("/join/request").ShouldBe(RateLimits.Join);
        RateLimits.ForRoute("account/forgot-password").ShouldBe(RateLimits.Reset);
        RateLimits.ForRoute("api/v1/auth/forgot-password").ShouldBe(RateLimits.Reset);
        RateLimits.ForRoute("/me").ShouldBeNull();
    }
}

[Collection(SqliteCollection.Name)]
public sealed class BruteForceTests_Sqlite(SqliteTestApp app) : BruteForceTests(app);

[Collection(PostgresCollection.Name)]
public sealed class BruteForceTests_Postgres(PostgresTestApp app) : BruteForceTests(app);
