using System.Net;
using System.Runtime.CompilerServices;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Common.Auth;

/// Two-factor steps as a person does them, and a second host of the app with tight limits.
internal static class SecurityHelpers
{
    public const string PeerHeader = "X-Test-Peer";
    public const string KnownProxy = "10.9.9.9";

    private static readonly ConditionalWeakTable<TestApp, WebApplicationFactory<Program>> Secured = [];

    /// The same app and database with low rate limits, a known proxy, two-factor required for staff,
    /// and the client address taken from X-Test-Peer (so each test has its own address).
    public static WebApplicationFactory<Program> SecuredHost(this TestApp app) =>
        Secured.GetValue(app, a => a.WithWebHostBuilder(b =>
        {
            b.UseSetting("Cotravail:RateLimits:sign-in:PerAccount", "11");
            b.UseSetting("Cotravail:RateLimits:sign-in:PerAddress", "1000");
            b.UseSetting("Cotravail:RateLimits:token:PerAddress", "3");
            b.UseSetting("Cotravail:RateLimits:token:PerAccount", "1000");
            b.UseSetting("Cotravail:KnownProxies", KnownProxy);
            b.UseSetting("Cotravail:Security:RequireTwoFactorForStaff", "true");
            b.ConfigureTestServices(s => s.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, PeerAddress>());
        }));

    public static HttpClient Client(this WebApplicationFactory<Program> host, string peer)
    {
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = TestApp.BaseUri });
        client.DefaultRequestHeaders.Add(PeerHeader, peer);
        return client;
    }

    private static int peers;

    /// A client address no other test uses (198.18.0.0/15, the benchmarking range): a random one out of 254
    /// was sometimes another test's, whose requests had already spent its rate-limit budget.
    public static string NewPeer()
    {
        var n = Interlocked.Increment(ref peers);
        return $"198.18.{n / 250 % 256}.{(n % 250) + 1}";
    }

    public static Dictionary<string, string> SignInForm(string email, string password) => new()
    {
        ["Input.Email"] = email,
        ["Input.Password"] = password,
    };

    /// Enrols through /me/security/two-factor with a code computed from the key shown on the page;
    /// returns the key and the recovery codes shown once.
    public static async Task<(byte[] Key, IReadOnlyList<string> RecoveryCodes)> EnrolAsync(TestApp app, HttpClient browser)
    {
        using (var start = await TestApp.PostFormAsync(browser, "/me/security/two-factor?handler=Start", new Dictionary<string, string>(), "/me/security/two-factor"))
        {
            start.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        var (_, page) = await TestApp.GetHtmlAsync(browser, "/me/security/two-factor");
        var key = Base32.Decode(page.QuerySelector("#shared-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal));
        page.QuerySelector("img.qr")!.GetAttribute("src")!.ShouldStartWith("data:image/png;base64,");
        using var response = await TestApp.PostFormAsync(browser, "/me/security/two-factor",
            new Dictionary<string, string> { ["Input.Code"] = CodeNow(app, key) });
        var (html, done) = await TestApp.ParseAsync(response);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, html);
        var codes = done.QuerySelectorAll("ul.recovery-codes code").Select(c => c.TextContent).ToList();
        codes.Count.ShouldBe(10, html);
        return (key, codes);
    }

    public static string CodeNow(TestApp app, byte[] key) => Totp.Code(key, Totp.StepAt(app.Clock.GetUtcNow()));

    /// Moves the app's clock to the next 30-second step, so the app shows a new code.
    public static void NextStep(TestApp app) => app.Clock.Advance(TimeSpan.FromSeconds(Totp.StepSeconds));

    public static async Task<User> UserAsync(TestApp app, string email) =>
        await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == email));

    public static async Task<List<(string Action, string? Ip)>> AuditOfAsync(TestApp app, Guid userId) =>
        await app.WithDbAsync(async db => (await db.Set<Cotravail.Common.Audit.AuditEntry>().Where(a => a.TargetId == userId || a.ActorUserId == userId)
            .OrderBy(a => a.At).Select(a => new { a.Action, a.IpAddress }).ToListAsync()).Select(a => (a.Action, a.IpAddress)).ToList());

    public static async Task WithUsersAsync(TestApp app, Func<UserManager<User>, AppDb, Task> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<UserManager<User>>(), scope.ServiceProvider.GetRequiredService<AppDb>());
    }

    internal sealed class PeerAddress : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            app.Use(async (http, following) =>
            {
                if (IPAddress.TryParse(http.Request.Headers[PeerHeader], out var peer))
                {
                    http.Connection.RemoteIpAddress = peer;
                }
                await following(http);
            });
            next(app);
        };
    }
}
