using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Modules.Demo;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Infrastructure;

/// The whole web app on a real database of one engine, started once per xunit collection.
/// Settings go through UseSetting because Program reads them before the host is built.
public abstract class TestApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, string> tokens = new(StringComparer.OrdinalIgnoreCase);
    private bool databaseDeleted;

    /// Secure (__Host-) cookies are only sent over https, so clients talk to https://localhost.
    public static readonly Uri BaseUri = new("https://localhost");

    internal abstract DatabaseEngine Engine { get; }

    /// The app's TimeProvider: real time that a test may move forward (sessions, codes, expiries).
    public TestClock Clock { get; } = new();

    /// The connection string of the app's own database.
    internal abstract string ConnectionString { get; }

    /// A new empty database on the same engine, deleted on dispose; the app's database is left alone.
    internal abstract Task<ScratchDatabase> CreateScratchDatabaseAsync();

    protected abstract Task CreateDatabaseAsync();

    protected abstract Task DeleteDatabaseAsync();

    protected TestApp() => ClientOptions.BaseAddress = BaseUri;

    public const int TestPasswordIterations = 1_000;

    /// The PBKDF2 rounds the product configures, before the tests lower them.
    public int ProductPasswordIterations { get; private set; }

    /// Services a test class adds to its own app (after the app's own), such as a logger that collects warnings.
    internal Action<IServiceCollection>? ExtraServices { get; init; }

    public async Task InitializeAsync()
    {
        await CreateDatabaseAsync();
        // Starts the host now (migrations, demo seed), so the first test does not pay for it.
        _ = Services;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Cotravail:SeedDemo", "true");
        builder.UseSetting("Cotravail:DemoActivity", "false"); // an empty calendar: tests book what they need
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Emails stay in the outbox table, where tests read them; outbox tests send them explicitly.
        builder.UseSetting("Cotravail:Outbox:Send", "false");
        builder.UseSetting("Cotravail:Backups:Enabled", "false"); // backup tests take theirs explicitly
        builder.UseSetting("Cotravail:Bookings:Sweep", "false"); // tests sweep explicitly, or start an instance that does
        builder.UseSetting("Cotravail:Community:Digest:Send", "false"); // digest tests send theirs explicitly
        builder.UseSetting("ConnectionStrings:Postgres", Engine == DatabaseEngine.Postgres ? ConnectionString : "");
        builder.UseSetting("ConnectionStrings:Sqlite", Engine == DatabaseEngine.Sqlite ? ConnectionString : "");
        // Every test of a collection comes from one address: rate-limit tests start their own host (see RateLimitTests).
        foreach (var policy in RateLimits.All)
        {
            builder.UseSetting($"Cotravail:RateLimits:{policy}:PerAddress", "100000");
            builder.UseSetting($"Cotravail:RateLimits:{policy}:PerAccount", "100000");
        }
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            // A password hash costs about 100 ms of CPU at the product's 100,000 rounds, and tests make thousands
            // of accounts and sign-ins: they hash with 1,000. The product's own count is kept for PasswordHashCostTests.
            services.PostConfigure<PasswordHasherOptions>(o =>
            {
                ProductPasswordIterations = o.IterationCount;
                o.IterationCount = TestPasswordIterations;
            });
            ExtraServices?.Invoke(services);
        });
    }

    /// No credentials; keeps cookies (antiforgery) and shows redirects instead of following them.
    public HttpClient AnonymousClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = BaseUri });

    /// An API client with "Authorization: Bearer" for this account; tokens are cached per email.
    public async Task<HttpClient> ClientForAsync(string email, string password = DemoAccounts.Password)
    {
        if (!tokens.TryGetValue(email, out var token))
        {
            using var anonymous = AnonymousClient();
            using var response = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { email, password });
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException(
                    $"No token for {email}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
            var issued = await response.Content.ReadFromJsonAsync<IssuedToken>()
                ?? throw new InvalidOperationException("The token endpoint answered an empty body.");
            token = tokens.GetOrAdd(email, issued.Token);
        }
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = BaseUri });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// A cookie-keeping client signed in through the sign-in page, like a browser.
    public async Task<HttpClient> BrowserClientAsync(string email, string password = DemoAccounts.Password)
    {
        var client = AnonymousClient();
        using var response = await PostFormAsync(client, "/account/sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
            var errors = string.Join(" ", page.QuerySelectorAll(".validation-summary-errors li, .field-error").Select(e => e.TextContent.Trim()));
            client.Dispose();
            throw new InvalidOperationException($"The sign-in page refused {email}: {(int)response.StatusCode} {errors}");
        }
        return client;
    }

    /// GETs a page, checks the status code and parses the HTML.
    public static async Task<(string Html, IDocument Doc)> GetHtmlAsync(
        HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, $"GET {url} answered {html[..Math.Min(html.Length, 2000)]}");
        return (html, new HtmlParser().ParseDocument(html));
    }

    /// The values a browser would send for the page's post forms as they are shown (first value of each name).
    public static Dictionary<string, string> FormValues(IDocument doc)
    {
        var form = new Dictionary<string, string>();
        foreach (var field in doc.QuerySelectorAll("form[method=post] input[name], form[method=post] textarea[name], form[method=post] select[name]"))
        {
            var name = field.GetAttribute("name")!;
            if (name.StartsWith("__", StringComparison.Ordinal) || form.ContainsKey(name) || field.GetAttribute("type") == "file")
            {
                continue;
            }
            form[name] = field.LocalName switch
            {
                "textarea" => field.TextContent,
                "select" => field.QuerySelector("option[selected]")?.GetAttribute("value") ?? "",
                _ => field.GetAttribute("value") ?? "",
            };
        }
        return form;
    }

    /// An API client with this bearer token (a personal access token, say), not cached.
    public HttpClient WithBearer(string token)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = BaseUri });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// Reads a response's HTML and parses it.
    public static async Task<(string Html, IDocument Doc)> ParseAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        return (html, new HtmlParser().ParseDocument(html));
    }

    /// GETs the form page (formPageUrl, else url) for its antiforgery token, then POSTs exactly these
    /// fields and the token to url. The caller disposes the response.
    public static async Task<HttpResponseMessage> PostFormAsync(
        HttpClient client, string url, IEnumerable<KeyValuePair<string, string>> fields, string? formPageUrl = null)
    {
        var (_, doc) = await GetHtmlAsync(client, formPageUrl ?? url);
        var token = doc.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"{formPageUrl ?? url} has no antiforgery token.");
        var body = fields.Select(f => new KeyValuePair<string?, string?>(f.Key, f.Value))
            .Append(new KeyValuePair<string?, string?>("__RequestVerificationToken", token));
        using var content = new FormUrlEncodedContent(body);
        return await client.PostAsync(url, content);
    }

    /// Runs work with a scoped AppDb, as a request would.
    internal async Task<T> WithDbAsync<T>(Func<AppDb, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDb>());
    }

    internal async Task WithDbAsync(Func<AppDb, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<AppDb>());
    }

    /// Creates an active account through UserManager, so a test needs no demo data.
    internal async Task<User> CreateUserAsync(string email, string password = DemoAccounts.Password, bool networkAdmin = false)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var user = new User
        {
            Id = Guid.CreateVersion7(),
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = email.Split('@')[0],
            IsNetworkAdmin = networkAdmin,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Cannot create {email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
        return user;
    }

    /// A new account working at a location in a role; its browser and API clients.
    internal async Task<(HttpClient Browser, HttpClient Api)> StaffAsync(Guid location, StaffRole role)
    {
        var email = await NewStaffAsync(location, role, role.ToString().ToLowerInvariant());
        return (await BrowserClientAsync(email), await ClientForAsync(email));
    }

    /// A new account working at a location in a role, its email made from `prefix`; no client signed in yet.
    internal async Task<string> NewStaffAsync(Guid location, StaffRole role, string prefix)
    {
        var email = NewEmail(prefix);
        var user = await CreateUserAsync(email);
        await WithDbAsync(async db =>
        {
            db.StaffAssignments.Add(new StaffAssignment(user.Id, location, role));
            await db.SaveChangesAsync();
        });
        return email;
    }

    /// An email no other test uses, so tests sharing the app's database do not collide.
    public static string NewEmail(string who = "user") => $"{who}.{Guid.NewGuid():N}@cotravail.test";

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (!databaseDeleted)
        {
            databaseDeleted = true;
            await DeleteDatabaseAsync();
        }
        GC.SuppressFinalize(this);
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    private sealed record IssuedToken(string Token, DateTime ExpiresAt);
}
