using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Common.Web;

/// What the app answers when things go wrong (issue 16): a bug, the database gone, an unknown address.
public abstract class FailureAnswersTests(TestApp app)
{
    /// Production: no developer page, the answers real visitors get.
    protected static void Production(IWebHostBuilder builder) => builder.UseEnvironment("Production");

    [Fact]
    public async Task An_unexpected_error_answers_problem_details_on_the_api_and_the_error_page_elsewhere_in_production()
    {
        await using var host = app.WithWebHostBuilder(b =>
        {
            Production(b);
            b.ConfigureTestServices(s => s.AddSingleton<IAuthorizationHandler, ThrowingHandler>());
        });
        using var client = Client(host);

        using var api = new HttpRequestMessage(HttpMethod.Get, "/api/v1/locations") { Headers = { { ThrowingHandler.Header, "1" } } };
        using var apiResponse = await client.SendAsync(api);
        using var page = new HttpRequestMessage(HttpMethod.Get, "/me") { Headers = { { ThrowingHandler.Header, "1" }, { "Accept-Language", "en" } } };
        using var pageResponse = await client.SendAsync(page);

        apiResponse.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        apiResponse.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var body = await apiResponse.Content.ReadAsStringAsync();
        var problem = JsonDocument.Parse(body).RootElement;
        problem.GetProperty("status").GetInt32().ShouldBe(500);
        problem.GetProperty("traceId").GetString().ShouldNotBeNullOrWhiteSpace();
        body.ShouldNotContain(ThrowingHandler.Secret);
        body.ShouldNotContain(" at Cotravail");
        pageResponse.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        pageResponse.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var html = await pageResponse.Content.ReadAsStringAsync();
        html.ShouldContain("Something went wrong");
        html.ShouldNotContain(ThrowingHandler.Secret);
    }

    [Fact]
    public async Task Unknown_addresses_answer_404_in_the_persons_language_and_known_protected_pages_still_ask_to_sign_in()
    {
        using var client = app.AnonymousClient();

        foreach (var (url, language, title) in new[] { ("/no-such-page", "en", "Page not found"), ("/admin/nope", "fr", "Page introuvable") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { { "Accept-Language", language } } };
            using var response = await client.SendAsync(request);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, url);
            (await response.Content.ReadAsStringAsync()).ShouldContain(title);
        }
        using var apiRequest = new HttpRequestMessage(HttpMethod.Get, "/api/v1/no-such-thing") { Headers = { { "Accept", "application/json" } } };
        using var api = await client.SendAsync(apiRequest);
        api.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        api.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        using var admin = await client.GetAsync("/admin");
        admin.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        admin.Headers.Location!.OriginalString.ShouldContain("/account/sign-in");
    }

    [Fact]
    public async Task Liveness_asks_nothing_and_readiness_names_each_check_uncached()
    {
        using var client = app.AnonymousClient();

        using var live = await client.GetAsync("/healthz");
        using var ready = await client.GetAsync("/readyz");

        live.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await live.Content.ReadAsStringAsync()).ShouldBe("Healthy");
        ready.StatusCode.ShouldBe(HttpStatusCode.OK);
        ready.Headers.CacheControl!.NoStore.ShouldBeTrue();
        var checks = await ChecksAsync(ready);
        checks.ShouldBe(new Dictionary<string, string> { ["database"] = "Healthy", ["migrations"] = "Healthy", ["data-folder"] = "Healthy" }, ignoreOrder: true);
    }

    [Fact]
    public async Task Readiness_fails_when_the_data_folder_has_less_free_space_than_the_minimum()
    {
        await using var host = app.WithWebHostBuilder(b => b.UseSetting("Cotravail:Readiness:MinFreeMegabytes", "999999999999"));
        using var client = Client(host);

        using var ready = await client.GetAsync("/readyz");
        using var live = await client.GetAsync("/healthz");

        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var checks = await ChecksAsync(ready);
        checks["data-folder"].ShouldBe("Unhealthy");
        checks["database"].ShouldBe("Healthy");
        live.StatusCode.ShouldBe(HttpStatusCode.OK, "a full disk does not make the process dead");
    }

    [Fact]
    public async Task Readiness_names_the_migrations_the_database_has_not_recorded()
    {
        await using var scratch = await app.CreateScratchDatabaseAsync();
        await using var db = scratch.NewDb();
        var runner = scratch.NewRunner(db);
        await runner.MigrateAsync();
        var last = Cotravail.Common.Database.MigrationRunner.Versions(scratch.Engine)[^1];
        (await runner.PendingAsync()).ShouldBeEmpty();
        var forget = $"DELETE FROM schema_migrations WHERE version = '{last}'";
        await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlRawAsync(db.Database, forget);

        (await runner.PendingAsync()).ShouldBe([last]);
    }

    [Fact]
    public void A_data_folder_that_cannot_be_written_is_not_ready()
    {
        var file = Path.GetTempFileName(); // a file where the folder should be: no one, root included, writes in it
        try
        {
            var result = Cotravail.Common.Web.DataFolderHealthCheck.Check(Path.Combine(file, "data"), 1);
            result.Status.ShouldBe(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy);
            result.Description.ShouldBe("The data folder cannot be written.");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_database_outage_answers_503_with_retry_after_in_problem_details_and_a_page_in_the_persons_language()
    {
        await using var outage = await StartOutageAsync();
        using var client = Client(outage.Host);
        using (var before = await client.GetAsync("/readyz"))
        {
            before.StatusCode.ShouldBe(HttpStatusCode.OK, "the instance works before its database goes away");
        }

        await outage.CutAsync();

        using var token = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/token")
        {
            Content = JsonContent.Create(new { email = "someone@cotravail.test", password = "a password long enough" }),
            Headers = { { "Accept-Language", "en" } },
        };
        using var api = await client.SendAsync(token);
        api.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, await api.Content.ReadAsStringAsync());
        api.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(5));
        api.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await api.Content.ReadAsStringAsync()).ShouldContain("The database cannot be reached");
        foreach (var (language, title) in new[] { ("en", "Temporarily unavailable"), ("fr", "Momentanément indisponible") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/") { Headers = { { "Accept-Language", language } } };
            using var page = await client.SendAsync(request);
            var html = await page.Content.ReadAsStringAsync();
            page.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, html[..Math.Min(html.Length, 500)]);
            page.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(5));
            var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
            doc.QuerySelector("h1")!.TextContent.ShouldBe(title);
            doc.DocumentElement.GetAttribute("lang").ShouldBe(language);
        }
        using var live = await client.GetAsync("/healthz");
        live.StatusCode.ShouldBe(HttpStatusCode.OK, "liveness does not ask the database");
        using var ready = await client.GetAsync("/readyz");
        ready.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await ChecksAsync(ready))["database"].ShouldBe("Unhealthy");
    }

    /// An instance of the app, in Production, whose database can be taken away while it runs.
    internal abstract Task<Outage> StartOutageAsync();

    internal sealed class Outage(WebApplicationFactory<Program> host, Func<Task> cut, Func<Task> cleanUp) : IAsyncDisposable
    {
        public WebApplicationFactory<Program> Host => host;

        public Task CutAsync() => cut();

        public async ValueTask DisposeAsync()
        {
            await host.DisposeAsync();
            await cleanUp();
        }
    }

    protected static HttpClient Client(WebApplicationFactory<Program> host) =>
        host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = TestApp.BaseUri });

    private static async Task<Dictionary<string, string>> ChecksAsync(HttpResponseMessage response)
    {
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return body.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString()!);
    }

    /// Throws while authorizing any request carrying its header: an unhandled exception inside the pipeline.
    private sealed class ThrowingHandler(IHttpContextAccessor http) : IAuthorizationHandler
    {
        public const string Header = "X-Test-Throw";
        public const string Secret = "secret detail of the test failure";

        public Task HandleAsync(AuthorizationHandlerContext context) =>
            http.HttpContext?.Request.Headers.ContainsKey(Header) == true
                ? throw new InvalidOperationException(Secret)
                : Task.CompletedTask;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class FailureAnswersTests_Sqlite(SqliteTestApp app) : FailureAnswersTests(app)
{
    /// A SQLite file of its own; the outage: the file's folder disappears (SQLite "unable to open").
    internal override Task<Outage> StartOutageAsync()
    {
        var folder = Directory.CreateTempSubdirectory("cotravail-outage-").FullName;
        var connectionString = $"Data Source={Path.Combine(folder, "app.db")};Foreign Keys=True;Default Timeout=2";
        var host = app.WithWebHostBuilder(b =>
        {
            Production(b);
            b.UseSetting("Cotravail:SeedDemo", "false");
            b.UseSetting("ConnectionStrings:Sqlite", connectionString);
        });
        _ = host.Services;
        return Task.FromResult(new Outage(host,
            () =>
            {
                using (var connection = new Microsoft.Data.Sqlite.SqliteConnection(connectionString))
                {
                    Microsoft.Data.Sqlite.SqliteConnection.ClearPool(connection);
                }
                Directory.Delete(folder, recursive: true);
                return Task.CompletedTask;
            },
            () =>
            {
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
                return Task.CompletedTask;
            }));
    }
}

[Collection(PostgresCollection.Name)]
public sealed class FailureAnswersTests_Postgres(PostgresTestApp app) : FailureAnswersTests(app)
{
    /// The app's database through a relay; the outage: the relay stops, nothing listens on its port.
    internal override Task<Outage> StartOutageAsync()
    {
        var direct = new Npgsql.NpgsqlConnectionStringBuilder(app.ConnectionString);
        var relay = new TcpRelay(direct.Host!, direct.Port);
        var relayed = new Npgsql.NpgsqlConnectionStringBuilder(app.ConnectionString) { Port = relay.Port, Timeout = 3 }.ConnectionString;
        var host = app.WithWebHostBuilder(b =>
        {
            Production(b);
            b.UseSetting("ConnectionStrings:Postgres", relayed);
        });
        _ = host.Services;
        return Task.FromResult(new Outage(host,
            async () =>
            {
                await relay.StopAsync();
                using var connection = new Npgsql.NpgsqlConnection(relayed);
                Npgsql.NpgsqlConnection.ClearPool(connection);
            },
            () => relay.DisposeAsync().AsTask()));
    }
}
