using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Modules.Demo;
using Cotravail.Tests.Common.Auth;
using Cotravail.Tests.Infrastructure;
using Cotravail.Tests.Modules.Billing;
using Cotravail.Tests.Modules.Bookings;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Common.Telemetry;

/// Issue 16 (observability): /metrics answers Prometheus' text to this machine or to the token's bearer and
/// nobody else, whatever X-Forwarded-For says; the operations page is the network admins'; logs are JSON lines
/// that carry the request's trace id.
public abstract class TelemetryTests(TestApp app)
{
    private const string Token = "scrape-token-for-the-tests-0123456789";
    private const string KnownProxy = "198.51.100.7"; // TEST-NET-2, listed below as the only known proxy

    /// A host of its own (the meters are the host's), on the shared database: its clients' address is set by
    /// the PeerAddress header (SecurityHelpers.PeerAddress), as Kestrel would set the connection's.
    private WebApplicationFactory<Program> Host() => app.WithWebHostBuilder(b =>
    {
        b.UseSetting("Cotravail:Metrics:Token", Token);
        b.UseSetting("Cotravail:KnownProxies", "198.51.100.0/24");
        b.ConfigureTestServices(s => s.AddTransient<IStartupFilter, SecurityHelpers.PeerAddress>());
    });

    [Fact]
    public async Task Metrics_from_this_machine_count_the_booking_and_the_409_and_time_the_route()
    {
        await using var host = Host();
        var world = await BookingWorld.CreateAsync(app);
        var booker = await world.NewMemberAsync();
        using var member = SecurityHelpers.Client(host, SecurityHelpers.NewPeer());
        using var token = await member.PostAsJsonAsync("/api/v1/auth/token", new { booker.Email, password = DemoAccounts.Password });
        member.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString());
        var start = TimeZoneInfo.ConvertTimeFromUtc(app.Clock.GetUtcNow().UtcDateTime, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).Date.AddDays(3).AddHours(9);
        (await world.BookAsync(member, world.Room, start, start.AddHours(1))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await world.BookAsync(member, world.Room, start, start.AddHours(1))).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        using var local = SecurityHelpers.Client(host, "127.0.0.1");
        using var scrape = await local.GetAsync("/metrics");

        scrape.StatusCode.ShouldBe(HttpStatusCode.OK);
        scrape.Content.Headers.ContentType!.MediaType.ShouldBe("text/plain");
        var text = await scrape.Content.ReadAsStringAsync();
        var lines = text.Split('\n');
        var created = lines.Where(l => l.StartsWith("cotravail_bookings_created_total{", StringComparison.Ordinal)
            && l.Contains($"cotravail_location_id=\"{world.Location}\"", StringComparison.Ordinal)).ShouldHaveSingleItem();
        created.ShouldContain("cotravail_resource_kind=\"MeetingRoom\"");
        Value(created).ShouldBe(1);
        Value(lines.Single(l => l.StartsWith("cotravail_bookings_conflicts_total{", StringComparison.Ordinal) && l.Contains("cotravail_operation=\"create\"", StringComparison.Ordinal)))
            .ShouldBeGreaterThanOrEqualTo(1);
        lines.ShouldContain(l => l.StartsWith("cotravail_outbox_backlog", StringComparison.Ordinal));
        lines.ShouldContain(l => l.StartsWith("http_server_request_duration_seconds_bucket{", StringComparison.Ordinal)
            && l.Contains("http_route=\"/api/v1/bookings/\"", StringComparison.Ordinal));
        lines.ShouldContain(l => l.StartsWith(app.Engine == Cotravail.Common.Database.DatabaseEngine.Postgres
            ? "db_client_connection_count" : "cotravail_db_sqlite_waiting_writers", StringComparison.Ordinal));
        text.ShouldNotContain(booker.Email);
    }

    [Fact]
    public async Task Metrics_are_refused_to_everyone_else_however_they_dress_up_and_given_to_the_token()
    {
        await using var host = Host();
        async Task<HttpStatusCode> ScrapeAsync(string peer, string? forwardedFor = null, string? bearer = null)
        {
            using var client = SecurityHelpers.Client(host, peer);
            if (forwardedFor is not null)
            {
                client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
            }
            if (bearer is not null)
            {
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
            }
            using var response = await client.GetAsync("/metrics");
            return response.StatusCode;
        }

        (await ScrapeAsync("127.0.0.1")).ShouldBe(HttpStatusCode.OK);
        (await ScrapeAsync("::1")).ShouldBe(HttpStatusCode.OK);
        (await ScrapeAsync("203.0.113.9")).ShouldBe(HttpStatusCode.NotFound);
        (await ScrapeAsync("203.0.113.9", forwardedFor: "127.0.0.1")).ShouldBe(HttpStatusCode.NotFound, "no known proxy sent it: the header is not believed");
        (await ScrapeAsync(KnownProxy, forwardedFor: "127.0.0.1")).ShouldBe(HttpStatusCode.NotFound, "a proxy's request is never a local one");
        (await ScrapeAsync("127.0.0.1", forwardedFor: "203.0.113.9")).ShouldBe(HttpStatusCode.NotFound, "an unlisted proxy on this machine passing the public's request");
        (await ScrapeAsync("203.0.113.9", bearer: "not-the-token")).ShouldBe(HttpStatusCode.NotFound);
        (await ScrapeAsync("203.0.113.9", bearer: Token)).ShouldBe(HttpStatusCode.OK);
        (await ScrapeAsync(KnownProxy, forwardedFor: "203.0.113.9", bearer: Token)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_operations_page_shows_the_essentials_to_a_network_admin_in_both_languages_and_not_to_a_member()
    {
        var world = await BookingWorld.CreateAsync(app);
        var start = TimeZoneInfo.ConvertTimeFromUtc(app.Clock.GetUtcNow().UtcDateTime, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).Date.AddDays(5).AddHours(15);
        (await world.BookAsync(await world.MemberClientAsync(), world.Room, start, start.AddHours(1))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var admin = TestApp.NewEmail("ops");
        await app.CreateUserAsync(admin, networkAdmin: true);
        var member = TestApp.NewEmail("member");
        await app.CreateUserAsync(member);
        using var adminClient = await app.BrowserClientAsync(admin);

        var (_, doc) = await TestApp.GetHtmlAsync(adminClient, "/admin/operations?culture=en");

        doc.QuerySelector("h1")!.TextContent.ShouldBe("Operations");
        doc.QuerySelector("a[href='/admin/operations'][aria-current='page']").ShouldNotBeNull();
        var total = doc.QuerySelector("#ops-bookings-total")!.TextContent;
        int.Parse(System.Text.RegularExpressions.Regex.Match(total, @"^Since the start: (\d+) bookings created").Groups[1].Value, CultureInfo.InvariantCulture)
            .ShouldBeGreaterThanOrEqualTo(1, total); // the host is shared with the collection's other tests: at least this one
        doc.QuerySelectorAll("#ops-requests ~ .table-wrap td code").ShouldNotBeEmpty("the busiest routes");
        doc.QuerySelector("#ops-backlog").ShouldNotBeNull();
        using var french = await adminClient.GetAsync("/admin/operations?culture=fr");
        (await french.Content.ReadAsStringAsync()).ShouldContain("Exploitation");

        using var memberClient = await app.BrowserClientAsync(member);
        using var refused = await memberClient.GetAsync("/admin/operations");
        refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        refused.Headers.Location!.ToString().ShouldContain("/account/denied");
    }

    [Fact]
    public void Without_an_OTLP_endpoint_no_trace_is_recorded_and_nothing_is_exported()
    {
        app.Services.GetService<OpenTelemetry.Trace.TracerProvider>().ShouldBeNull();
        app.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().Select(s => s.GetType().FullName)
            .ShouldNotContain(n => n != null && n.Contains("Otlp", StringComparison.Ordinal));
    }

    private static double Value(string line) => double.Parse(line[(line.LastIndexOf('}') + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
}

[Collection(SqliteCollection.Name)]
public sealed class TelemetryTests_Sqlite(SqliteTestApp app) : TelemetryTests(app)
{
    /// The built server with Cotravail:JsonLogs: each console line is one JSON object, a request's lines carry
    /// its TraceId and SpanId; from 127.0.0.1 (Kestrel's real connection) /metrics answers.
    [Fact]
    public async Task Json_logs_carry_the_trace_id_and_the_real_loopback_connection_may_scrape()
    {
        await using var scratch = await app.CreateScratchDatabaseAsync();
        var data = Directory.CreateTempSubdirectory("cotravail-telemetry-");
        try
        {
            await using var server = await AppProcess.StartAsync(scratch, data.FullName, seedDemo: false, settings: new Dictionary<string, string>
            {
                ["Cotravail__JsonLogs"] = "true",
                ["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
            });

            using var scrape = await server.Client.GetAsync("/metrics");
            scrape.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await scrape.Content.ReadAsStringAsync()).ShouldContain("http_server_request_duration_seconds");
            JsonElement? request = null;
            for (var i = 0; i < 100 && request is null; i++)
            {
                request = server.Output.Where(l => l.StartsWith('{') && l.Contains("/metrics", StringComparison.Ordinal))
                    .Select(l => JsonDocument.Parse(l).RootElement).Cast<JsonElement?>().FirstOrDefault();
                if (request is null)
                {
                    await Task.Delay(50);
                }
            }

            request.ShouldNotBeNull("the request's log line, as JSON");
            var scopes = request.Value.GetProperty("Scopes").EnumerateArray().ToList();
            var ids = scopes.Where(s => s.ValueKind == JsonValueKind.Object).Select(s => s.ToString()).ToList();
            ids.ShouldContain(s => s.Contains("\"TraceId\":\"", StringComparison.Ordinal) && s.Contains("\"SpanId\":\"", StringComparison.Ordinal));
            server.Output.Where(l => l.StartsWith('{')).ShouldAllBe(l => !l.Contains('\n'));
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }
}

[Collection(PostgresCollection.Name)]
public sealed class TelemetryTests_Postgres(PostgresTestApp app) : TelemetryTests(app);
