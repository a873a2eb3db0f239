using System.Data.Common;
using System.Net;
using System.Text.RegularExpressions;
using Cotravail.Common.Database;
using Cotravail.Modules.Demo;
using Cotravail.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Common.Web;

/// ASVS V3.5: every cookie-authenticated state change checks an antiforgery token, and no GET writes.
/// The app runs with a command interceptor that records every INSERT, UPDATE or DELETE it sends.
public abstract partial class AntiforgeryTests(TestApp app)
{
    /// Pages that accept a POST without a token, and why.
    private static readonly HashSet<string> Exempt = new(StringComparer.OrdinalIgnoreCase)
    {
        "/error", // renders the error of a re-executed POST; writes nothing
    };

    private sealed partial class WriteRecorder : DbCommandInterceptor
    {
        private readonly List<string> writes = [];

        public bool Recording { get; set; }

        public IReadOnlyList<string> Writes
        {
            get
            {
                lock (writes)
                {
                    return [.. writes];
                }
            }
        }

        private void Check(DbCommand command)
        {
            // Reading pages may leave an audit trace (an export); that is the log, not a change of data.
            if (Recording && Write().IsMatch(command.CommandText) && !command.CommandText.Contains("\"AuditLog\"", StringComparison.Ordinal))
            {
                lock (writes)
                {
                    writes.Add(command.CommandText);
                }
            }
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Check(command);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Check(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
        {
            Check(command);
            return result;
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Check(command);
            return ValueTask.FromResult(result);
        }

        public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
        {
            Check(command);
            return result;
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Check(command);
            return ValueTask.FromResult(result);
        }

        [GeneratedRegex(@"^\s*(INSERT|UPDATE|DELETE|MERGE|TRUNCATE|DROP|ALTER|CREATE)\b", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
        private static partial Regex Write();
    }

    [GeneratedRegex(@"\{(\w+)(:[^}?]*)?\??\}")]
    private static partial Regex RouteParameter();

    private static async Task<HttpClient> SignInAsync(WebApplicationFactory<Program> factory, string email)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = TestApp.BaseUri });
        using var response = await TestApp.PostFormAsync(client, "/account/sign-in", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = DemoAccounts.Password,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }

    private (WebApplicationFactory<Program> Factory, WriteRecorder Recorder) Recorded()
    {
        var recorder = new WriteRecorder();
        var factory = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.ConfigureDbContext<AppDb>(o => o.AddInterceptors(recorder))));
        return (factory, recorder);
    }

    private static async Task<List<(string Route, CompiledPageActionDescriptor Page)>> PagesAsync(IServiceProvider services)
    {
        var loader = services.GetRequiredService<PageLoader>();
        var pages = new List<(string, CompiledPageActionDescriptor)>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } descriptor)
            {
                pages.Add(("/" + endpoint.RoutePattern.RawText!.TrimStart('/'), await loader.LoadAsync(descriptor, endpoint.Metadata)));
            }
        }
        return pages;
    }

    private static string Fill(string route) =>
        RouteParameter().Replace(route, m => m.Groups[2].Value.Contains("guid", StringComparison.Ordinal) ? Guid.CreateVersion7().ToString() : DemoAccounts.ParisSlug);

    [Fact]
    public async Task Every_page_post_handler_refuses_a_signed_in_post_without_the_antiforgery_token()
    {
        var (factory, recorder) = Recorded();
        await using var _ = factory;
        using var admin = await SignInAsync(factory, DemoAccounts.NetworkAdmin);
        var pages = await PagesAsync(factory.Services);
        var checkedPosts = new List<string>();

        recorder.Recording = true;
        foreach (var (route, page) in pages.Where(p => !Exempt.Contains(p.Route)))
        {
            foreach (var handler in page.HandlerMethods.Where(h => h.HttpMethod.Equals("POST", StringComparison.OrdinalIgnoreCase)))
            {
                var url = Fill(route) + (handler.Name is null ? "" : $"?handler={handler.Name}");
                using var content = new FormUrlEncodedContent([new("Input.Name", "Forged"), new("active", "false")]);
                using var response = await admin.PostAsync(url, content);
                response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, $"POST {url} without a token");
                checkedPosts.Add(url);
            }
        }
        recorder.Recording = false;

        recorder.Writes.ShouldBeEmpty();
        checkedPosts.Count.ShouldBeGreaterThanOrEqualTo(10);
        checkedPosts.ShouldContain("/account/sign-out");
        checkedPosts.ShouldContain(u => u.StartsWith("/admin/members/edit/", StringComparison.Ordinal) && u.EndsWith("?handler=Status", StringComparison.Ordinal));
        (await admin.GetAsync("/me")).StatusCode.ShouldBe(HttpStatusCode.OK, "the forged sign-out did not sign out");
    }

    [Fact]
    public async Task Signing_out_takes_a_post_a_get_only_shows_the_button()
    {
        using var member = await app.BrowserClientAsync(DemoAccounts.Member);
        var (_, doc) = await TestApp.GetHtmlAsync(member, "/account/sign-out");
        doc.QuerySelector("main form[method=post] button").ShouldNotBeNull();
        (await member.GetAsync("/me")).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var signedOut = await TestApp.PostFormAsync(member, "/account/sign-out", []);
        signedOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await member.GetAsync("/me")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Crawling_every_page_an_admin_can_reach_writes_nothing()
    {
        var (factory, recorder) = Recorded();
        await using var _ = factory;
        using var admin = await SignInAsync(factory, DemoAccounts.NetworkAdmin);
        var pages = await PagesAsync(factory.Services);
        var queue = new Queue<string>(pages.Select(p => p.Route).Where(r => !r.Contains('{', StringComparison.Ordinal)).Append($"/locations/{DemoAccounts.ParisSlug}"));
        var seen = new HashSet<string>(queue);
        var visited = 0;

        recorder.Recording = true;
        while (queue.Count > 0 && visited < 400)
        {
            var url = queue.Dequeue();
            using var response = await admin.GetAsync(url);
            visited++;
            ((int)response.StatusCode).ShouldBeLessThan(500, $"GET {url}");
            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }
            var (_, doc) = await TestApp.ParseAsync(response);
            foreach (var href in doc.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
            {
                if (href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal) && !href.StartsWith("/api/", StringComparison.Ordinal) && seen.Add(href))
                {
                    queue.Enqueue(href);
                }
            }
        }
        recorder.Recording = false;

        recorder.Writes.ShouldBeEmpty();
        visited.ShouldBeGreaterThan(30);
        seen.ShouldContain(u => u.StartsWith("/admin/members/edit/", StringComparison.Ordinal));
        seen.ShouldContain("/account/sign-out");
        (await admin.GetAsync("/me")).StatusCode.ShouldBe(HttpStatusCode.OK, "visiting the sign-out page did not sign out");

        // The recorder does see writes: a real form post, with its token, is recorded.
        var (_, profile) = await TestApp.GetHtmlAsync(admin, "/me/profile");
        recorder.Recording = true;
        using var saved = await TestApp.PostFormAsync(admin, "/me/profile", new Dictionary<string, string>
        {
            ["Input.FirstName"] = profile.QuerySelector("#Input_FirstName")!.GetAttribute("value")!,
            ["Input.LastName"] = profile.QuerySelector("#Input_LastName")!.GetAttribute("value") is { Length: > 0 } last ? last : "Admin",
        });
        recorder.Recording = false;
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        recorder.Writes.ShouldContain(w => w.Contains("UPDATE", StringComparison.OrdinalIgnoreCase));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AntiforgeryTests_Sqlite(SqliteTestApp app) : AntiforgeryTests(app);

[Collection(PostgresCollection.Name)]
public sealed class AntiforgeryTests_Postgres(PostgresTestApp app) : AntiforgeryTests(app);
