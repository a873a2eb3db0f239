using System.Net;
using System.Net.Http.Json;
using Cotravail.Common.Audit;
using Cotravail.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Common.Auth;

/// Issue 11, point 1: with no proxy listed in Cotravail:KnownProxies nobody's X-Forwarded-For is believed, even
/// when the framework's ASPNETCORE_FORWARDEDHEADERS_ENABLED asks for forwarded headers; in Production that
/// combination stops the start.
public abstract class ForwardedHeadersTests(TestApp app)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Without_a_known_proxy_a_forged_forwarded_address_is_neither_audited_nor_given_a_new_budget(bool frameworkSwitch)
    {
        await using var host = app.WithWebHostBuilder(b =>
        {
            b.UseSetting("Cotravail:KnownProxies", "");
            b.UseSetting("FORWARDEDHEADERS_ENABLED", frameworkSwitch ? "true" : "false");
            b.UseSetting("Cotravail:RateLimits:token:PerAddress", "2");
            b.ConfigureTestServices(s => s.AddTransient<IStartupFilter, SecurityHelpers.PeerAddress>());
        });
        var email = TestApp.NewEmail();
        var user = await app.CreateUserAsync(email);
        var peer = SecurityHelpers.NewPeer();
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var client = SecurityHelpers.Client(host, peer);
            client.DefaultRequestHeaders.Add("X-Forwarded-For", $"203.0.113.{i + 1}"); // a new address each try
            using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = $"wrong password {i}" });
            answers.Add(response.StatusCode);
        }

        answers.ShouldBe([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests]);
        var ips = (await SecurityHelpers.AuditOfAsync(app, user.Id)).Where(a => a.Action == AuditActions.SignInFailed).Select(a => a.Ip).ToList();
        ips.ShouldBe([peer, peer]);
    }

    [Fact]
    public void Production_refuses_to_start_with_forwarded_headers_and_no_known_proxy()
    {
        using var host = app.WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("Cotravail:KnownProxies", "");
            b.UseSetting("FORWARDEDHEADERS_ENABLED", "true");
            b.UseSetting("Cotravail:SeedDemo", "false");
        });

        var failure = Should.Throw<Exception>(() => host.Services);

        failure.ToString().ShouldContain("Cotravail:KnownProxies");
    }

    [Fact]
    public async Task Production_starts_with_forwarded_headers_and_a_known_proxy()
    {
        await using var host = app.WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Production");
            b.UseSetting("Cotravail:KnownProxies", "10.0.0.0/8");
            b.UseSetting("FORWARDEDHEADERS_ENABLED", "true");
            b.UseSetting("Cotravail:SeedDemo", "false");
        });
        using var client = host.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = TestApp.BaseUri });

        using var health = await client.GetAsync("/healthz");

        health.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ForwardedHeadersTests_Sqlite(SqliteTestApp app) : ForwardedHeadersTests(app);

[Collection(PostgresCollection.Name)]
public sealed class ForwardedHeadersTests_Postgres(PostgresTestApp app) : ForwardedHeadersTests(app);
