using System.Net;
using System.Net.Http.Json;
using Cotravail.Common.Auth;
using Cotravail.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Tests.Common.Auth;

/// Issue 16, point 1: on PostgreSQL two instances of the app on one database spend one budget per account and
/// per address (RateLimitCounters), and the table keeps no email, only the key's SHA-256.
[Collection(PostgresCollection.Name)]
public sealed class SharedRateLimitTests_Postgres(PostgresTestApp app)
{
    [Fact]
    public async Task Two_instances_on_one_database_share_the_per_account_and_per_address_budgets()
    {
        await using var first = Host(app);
        await using var second = Host(app);
        var email = TestApp.NewEmail("shared-budget");
        var peer = SecurityHelpers.NewPeer();
        using var one = SecurityHelpers.Client(first, peer);
        using var two = SecurityHelpers.Client(second, SecurityHelpers.NewPeer());

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await (i % 2 == 0 ? one : two).PostAsJsonAsync("/api/v1/auth/token", new { email, password = "wrong password " + i });
            answers.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                int.Parse(response.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(1, 300);
            }
        }
        answers.ShouldBe([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests]);

        // Per address: one address, alternating instances, another account each time.
        var address = SecurityHelpers.NewPeer();
        using var onFirst = SecurityHelpers.Client(first, address);
        using var onSecond = SecurityHelpers.Client(second, address);
        var perAddress = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await (i % 2 == 0 ? onFirst : onSecond).PostAsJsonAsync("/api/v1/auth/token", new { email = TestApp.NewEmail(), password = "whatever it is" });
            perAddress.Add(response.StatusCode);
        }
        perAddress.ShouldBe([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests]);

        var keys = await app.WithDbAsync(db => db.Set<RateLimitCounter>().AsNoTracking().Select(c => c.KeyHash).ToListAsync());
        keys.ShouldContain(SharedRateCounter.Hash($"{RateLimits.Token}:account:{email.ToUpperInvariant()}"));
        keys.ShouldAllBe(k => k.Length == 64 && !k.Contains('@'));
    }

    private static WebApplicationFactory<Program> Host(TestApp app) => app.WithWebHostBuilder(b =>
    {
        b.UseSetting("Cotravail:RateLimits:token:PerAccount", "4");
        b.UseSetting("Cotravail:RateLimits:token:PerAddress", "4");
        b.UseSetting("Cotravail:KnownProxies", SecurityHelpers.KnownProxy);
        b.ConfigureTestServices(s => s.AddTransient<IStartupFilter, SecurityHelpers.PeerAddress>());
    });
}
