using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Cotravail.Common.Auth;
using Cotravail.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cotravail.Tests.Common.Auth;

/// No account probing by timing: every door that checks a password from an email does the same hashing
/// work for an unknown email, a deactivated or locked-out account as for a wrong password, and answers
/// the same. Counted, not timed: a host of the test's own counts hash verifications per password.
public abstract class ConstantTimeSignInTests(TestApp app)
{
    [Fact]
    public async Task The_token_endpoint_verifies_one_hash_and_answers_the_same_for_an_unknown_email_a_deactivated_or_locked_account_and_a_wrong_password()
    {
        var (host, verified) = app.CountingHost();
        var accounts = await AccountsAsync();
        using var client = host.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = TestApp.BaseUri });
        var answers = new List<string>();

        foreach (var (email, password) in accounts)
        {
            using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password });
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, email);
            answers.Add(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString()!);
            verified.Of(password).ShouldBe(1, $"{email}: one hash verification, as for any wrong password");
        }

        answers.Distinct().ShouldHaveSingleItem().ShouldBe("Invalid email or password.");
    }

    [Fact]
    public async Task The_sign_in_page_verifies_one_hash_and_answers_the_same_for_an_unknown_email_a_deactivated_or_locked_account_and_a_wrong_password()
    {
        var (host, verified) = app.CountingHost();
        var accounts = await AccountsAsync();
        using var browser = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = TestApp.BaseUri });
        var answers = new List<string>();

        foreach (var (email, password) in accounts)
        {
            using var response = await TestApp.PostFormAsync(browser, "/account/sign-in", SecurityHelpers.SignInForm(email, password));
            response.StatusCode.ShouldBe(HttpStatusCode.OK, email);
            answers.Add((await TestApp.ParseAsync(response)).Doc.QuerySelector(".validation-summary-errors")!.TextContent.Trim());
            verified.Of(password).ShouldBe(1, $"{email}: one hash verification, as for any wrong password");
        }

        answers.Distinct().ShouldHaveSingleItem().ShouldNotBeNullOrWhiteSpace();
    }

    /// A known account with a wrong password, an unknown email, a deactivated and a locked-out account (these
    /// two with their right password); each password is used once, so its verifications can be counted.
    private async Task<(string Email, string Password)[]> AccountsAsync()
    {
        static string Password() => "a passphrase of its own " + Guid.NewGuid().ToString("N");
        var (known, unknown, deactivated, locked) = (TestApp.NewEmail(), TestApp.NewEmail("nobody"), TestApp.NewEmail("gone"), TestApp.NewEmail("locked"));
        var (deactivatedPassword, lockedPassword) = (Password(), Password());
        await app.CreateUserAsync(known);
        await app.CreateUserAsync(deactivated, deactivatedPassword);
        await app.CreateUserAsync(locked, lockedPassword);
        await app.WithDbAsync(async db =>
        {
            db.Users.Single(u => u.Email == deactivated).Deactivate();
            db.Users.Single(u => u.Email == locked).LockoutEnd = new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);
            await db.SaveChangesAsync();
        });
        return [(known, Password()), (unknown, Password()), (deactivated, deactivatedPassword), (locked, lockedPassword)];
    }
}

/// Hash verifications seen by a host, per password tried.
internal sealed class PasswordVerifications
{
    private readonly ConcurrentDictionary<string, int> counts = new();

    public void Add(string password) => counts.AddOrUpdate(password, 1, (_, n) => n + 1);

    public int Of(string password) => counts.GetValueOrDefault(password);
}

/// Identity's own hasher, counting what it verifies.
internal sealed class CountingPasswordHasher(PasswordVerifications verifications, IOptions<PasswordHasherOptions> options) : IPasswordHasher<User>
{
    private readonly PasswordHasher<User> inner = new(options);

    public string HashPassword(User user, string password) => inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(User user, string hashedPassword, string providedPassword)
    {
        verifications.Add(providedPassword);
        return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

internal static class CountingHosts
{
    private static readonly ConditionalWeakTable<TestApp, WebApplicationFactory<Program>> Hosts = [];

    /// The same app and database, with a password hasher that counts its verifications.
    public static (WebApplicationFactory<Program> Host, PasswordVerifications Verified) CountingHost(this TestApp app)
    {
        var host = Hosts.GetValue(app, a => a.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
        {
            s.AddSingleton<PasswordVerifications>();
            s.AddScoped<IPasswordHasher<User>, CountingPasswordHasher>();
        })));
        return (host, host.Services.GetRequiredService<PasswordVerifications>());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ConstantTimeSignInTests_Sqlite(SqliteTestApp app) : ConstantTimeSignInTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ConstantTimeSignInTests_Postgres(PostgresTestApp app) : ConstantTimeSignInTests(app);
