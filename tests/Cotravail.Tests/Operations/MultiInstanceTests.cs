using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Cotravail.Common.Auth;
using Cotravail.Modules.Bookings;
using Cotravail.Modules.Demo;
using Cotravail.Modules.Members;
using Cotravail.Tests.Infrastructure;
using Cotravail.Tests.Modules.Billing;
using Xunit.Abstractions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Operations;

/// Issue 16: three instances of the app (processes of their own) on one PostgreSQL database behind a real
/// HAProxy running docs/deploy/haproxy.cfg: one session for all, one booking out of thirty racing ones, each
/// email sent once, no acknowledged booking lost when an instance is killed, one sign-in budget for all.
[Collection(PostgresCollection.Name)]
public sealed partial class MultiInstanceTests_Postgres(PostgresTestApp app, ITestOutputHelper output)
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Fact]
    public async Task Three_instances_behind_haproxy_share_sessions_bookings_emails_and_budgets_and_survive_a_kill()
    {
        var haproxy = new[] { "/usr/sbin/haproxy", "/usr/bin/haproxy" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("HAProxy is not installed: ./test.sh installs it (apt-get install haproxy).");
        await using var scratch = await app.CreateScratchDatabaseAsync();
        await using var smtp = await SmtpServer.StartAsync();
        var folders = Enumerable.Range(0, 3).Select(_ => Directory.CreateTempSubdirectory("cotravail-instance-")).ToList();
        var settings = new Dictionary<string, string>
        {
            ["Cotravail__KnownProxies"] = "127.0.0.1",
            ["Cotravail__RateLimits__token__PerAddress"] = "100000",
            ["Cotravail__Outbox__Send"] = "true",
            ["Cotravail__Outbox__PollInterval"] = "00:00:00.200",
            ["Cotravail__Smtp__Host"] = "127.0.0.1",
            ["Cotravail__Smtp__Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
        };
        var instances = new List<AppProcess>();
        Process? proxy = null;
        try
        {
            // All three start at once, as after an upgrade: the migrations run once (an advisory lock). No demo:
            // the accounts the test needs are written into the database once the schema is there.
            var clock = Stopwatch.StartNew();
            instances.AddRange(await Task.WhenAll(folders.Select(f => AppProcess.StartAsync(scratch, f.FullName, seedDemo: false, settings: settings))));
            var adminEmail = TestApp.NewEmail("instances-admin");
            var sessionEmail = TestApp.NewEmail("instances-session");
            await UsersAsync(scratch, [adminEmail, sessionEmail], networkAdmin: adminEmail);
            output.WriteLine($"Instances up in {clock.Elapsed.TotalSeconds:F1} s");
            var proxyPort = SmtpServer.FreePort();
            proxy = StartProxy(haproxy, proxyPort, [.. instances.Select(i => i.Client.BaseAddress!.Port)]);
            using var handler = new CookieJar(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false });
            using var browser = new HttpClient(handler, disposeHandler: false) { BaseAddress = new Uri($"http://127.0.0.1:{proxyPort}"), Timeout = TimeSpan.FromSeconds(30) };
            await WaitForProxyAsync(browser, proxy);
            File.Delete(ProxyConfigFile(proxyPort)); // read at start

            // 1. A session cookie (and an antiforgery token) from one instance works on every instance.
            var served = new HashSet<string>();
            using (var signIn = await TestApp.PostFormAsync(browser, "/account/sign-in", new Dictionary<string, string>
                   {
                       ["Input.Email"] = sessionEmail,
                       ["Input.Password"] = DemoAccounts.Password,
                   }))
            {
                signIn.StatusCode.ShouldBe(HttpStatusCode.Redirect, await signIn.Content.ReadAsStringAsync());
                handler.Names.ShouldContain(AuthModule.SessionCookie);
            }
            for (var i = 0; i < 3; i++)
            {
                using var me = await browser.GetAsync("/me");
                me.StatusCode.ShouldBe(HttpStatusCode.OK, "through the proxy, request " + i);
                served.Add(me.Headers.GetValues("X-Served-By").Single());
            }
            served.Count.ShouldBe(3, "round-robin: each instance answered once");
            foreach (var instance in instances)
            {
                using var direct = new HttpClient(handler, disposeHandler: false) { BaseAddress = instance.Client.BaseAddress };
                using var me = await direct.GetAsync("/me");
                me.StatusCode.ShouldBe(HttpStatusCode.OK, $"the proxy's session on {instance.Client.BaseAddress}");
            }

            output.WriteLine($"session done at {clock.Elapsed.TotalSeconds:F1} s");
            // 2. Thirty members booking one slot at once through the proxy: one booking, 29 conflicts.
            var admin = await TokenClientAsync(proxyPort, adminEmail);
            var (location, rooms) = await WorldAsync(admin);
            var members = await MembersAsync(scratch, location, 30);
            var clients = await Task.WhenAll(members.Select(m => TokenClientAsync(proxyPort, m)));
            var day = TimeZoneInfo.ConvertTimeFromUtc(TimeProvider.System.GetUtcNow().UtcDateTime, Paris).Date.AddDays(2);
            var answers = await Task.WhenAll(clients.Select(c => BookAsync(c, rooms[0], day.AddHours(14), day.AddHours(16))));
            answers.Count(a => a.Status == HttpStatusCode.Created).ShouldBe(1, string.Join(", ", answers.Select(a => (int)a.Status)));
            answers.Count(a => a.Status == HttpStatusCode.Conflict).ShouldBe(29);
            await using (var db = scratch.NewDb())
            {
                (await db.Bookings.CountAsync(b => b.ResourceId == rooms[0])).ShouldBe(1);
            }

            output.WriteLine($"race done at {clock.Elapsed.TotalSeconds:F1} s");
            // 3. Its confirmation is sent once, by one of the three outbox workers.
            var winner = members[Array.FindIndex(answers, a => a.Status == HttpStatusCode.Created)];
            (await smtp.WaitForAsync(winner, TimeSpan.FromSeconds(20))).ShouldNotBeNull("the winner's confirmation");
            await Task.Delay(1500); // time for a second worker to send it again, were it to
            smtp.Messages().Count(m => m.Contains(winner, StringComparison.OrdinalIgnoreCase)).ShouldBe(1, "the confirmation sent once");
            smtp.Messages().Count(m => members.Any(e => e != winner && m.Contains(e, StringComparison.OrdinalIgnoreCase))).ShouldBe(0, "no mail for a refused booking");

            output.WriteLine($"email done at {clock.Elapsed.TotalSeconds:F1} s");
            // 4. The sign-in budget per account is one instance's (10 by default), whichever instance answers.
            using (var guesser = Client(proxyPort))
            {
                var target = TestApp.NewEmail("guessed");
                var tries = new List<HttpStatusCode>();
                for (var i = 0; i < 11; i++)
                {
                    using var response = await guesser.PostAsJsonAsync("/api/v1/auth/token", new { email = target, password = "not the password " + i });
                    tries.Add(response.StatusCode);
                }
                tries.Take(10).ShouldAllBe(s => s == HttpStatusCode.Unauthorized);
                tries[10].ShouldBe(HttpStatusCode.TooManyRequests);
            }

            output.WriteLine($"budget done at {clock.Elapsed.TotalSeconds:F1} s");
            // 5. SIGKILL of one instance under a bounded booking load: every 201 is in the database, and the
            //    proxy keeps answering (its health checks take the dead instance out; refused connections are redispatched).
            var acknowledged = new ConcurrentBag<Guid>();
            var failures = new ConcurrentBag<string>();
            const int load = 120;
            const int beforeKill = 40;
            var next = -1;
            var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var answeredBeforeKill = 0;
            var afterKill = 0;
            var workers = Enumerable.Range(0, 6).Select(_ => Task.Run(async () =>
            {
                while (Interlocked.Increment(ref next) is var n && n < load)
                {
                    // The first 40 before the kill, the rest after it: the kill lands mid-load however fast the machine.
                    if (n >= beforeKill)
                    {
                        await killed.Task;
                    }
                    var slot = day.AddDays(1 + (n / 14)).AddHours(7 + (n % 14));
                    var booked = await BookAsync(clients[n % clients.Length], rooms[1 + (n % 2)], slot, slot.AddHours(1));
                    if (booked.Status == HttpStatusCode.Created)
                    {
                        acknowledged.Add(booked.Id);
                        if (n >= beforeKill)
                        {
                            Interlocked.Increment(ref afterKill);
                        }
                    }
                    else
                    {
                        failures.Add(((int)booked.Status).ToString(CultureInfo.InvariantCulture));
                    }
                    if (n < beforeKill)
                    {
                        Interlocked.Increment(ref answeredBeforeKill);
                    }
                }
            })).ToArray();
            for (var i = 0; i < 6_000 && Volatile.Read(ref answeredBeforeKill) < 34 && !workers.Any(w => w.IsFaulted); i++)
            {
                await Task.Delay(10);
            }
            await instances[2].KillAsync(); // six requests may be in flight
            killed.SetResult();
            await Task.WhenAll(workers);
            for (var i = 0; i < 6; i++)
            {
                using var health = await browser.GetAsync("/healthz");
                health.StatusCode.ShouldBe(HttpStatusCode.OK, "the proxy answers with an instance gone");
            }
            afterKill.ShouldBeGreaterThan(0, "bookings go on once an instance is killed; refused: " + string.Join(", ", failures));
            acknowledged.Count.ShouldBeGreaterThan(load / 2, "refused: " + string.Join(", ", failures));
            await using (var db = scratch.NewDb())
            {
                var ids = acknowledged.ToList();
                var stored = await db.Bookings.AsNoTracking().Where(b => ids.Contains(b.Id) && b.Status == BookingStatus.Confirmed).CountAsync();
                stored.ShouldBe(ids.Count, "every acknowledged booking is committed");
            }

            output.WriteLine($"kill done at {clock.Elapsed.TotalSeconds:F1} s");
            // Each email once: no Message-ID received twice, whichever instance sent it.
            await Task.Delay(1500);
            var messageIds = smtp.Messages().Select(m => MessageId().Match(m).Groups[1].Value).ToList();
            messageIds.ShouldAllBe(id => id.Length > 0);
            messageIds.Distinct().Count().ShouldBe(messageIds.Count, "an email sent twice");
        }
        finally
        {
            if (proxy is not null)
            {
                if (!proxy.HasExited)
                {
                    proxy.Kill(entireProcessTree: true);
                }
                await proxy.WaitForExitAsync();
                proxy.Dispose();
            }
            foreach (var instance in instances)
            {
                await instance.DisposeAsync();
            }
            folders.ForEach(f => f.Delete(recursive: true));
        }
    }

    /// Keeps the cookies the app sets and sends them back on any port of 127.0.0.1, Secure ones included (the
    /// session cookie is __Host-, Secure: a browser reaches the proxy over TLS, this test over plain HTTP).
    private sealed class CookieJar(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private readonly ConcurrentDictionary<string, string> cookies = new();

        public ICollection<string> Names => cookies.Keys;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (!cookies.IsEmpty)
            {
                request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
            }
            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var set))
            {
                foreach (var pair in set.Select(c => c.Split(';')[0].Split('=', 2)).Where(p => p.Length == 2))
                {
                    if (pair[1].Length == 0)
                    {
                        cookies.TryRemove(pair[0], out _);
                    }
                    else
                    {
                        cookies[pair[0]] = pair[1];
                    }
                }
            }
            return response;
        }
    }

    [GeneratedRegex(@"^Message-ID:\s*(\S+)", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex MessageId();

    /// HAProxy in the foreground on docs/deploy/haproxy.cfg, its addresses replaced by the test's ports.
    private static Process StartProxy(string haproxy, int port, IReadOnlyList<int> instances)
    {
        var config = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "deploy", "haproxy.cfg"));
        foreach (var (written, actual) in new[] { ("127.0.0.1:8080", port) }.Concat(instances.Select((p, i) => ($"127.0.0.1:{5080 + i}", p))))
        {
            config.ShouldContain(written + "\n");
            config = config.Replace(written + "\n", $"127.0.0.1:{actual}\n", StringComparison.Ordinal);
        }
        var file = ProxyConfigFile(port);
        File.WriteAllText(file, config);
        var start = new ProcessStartInfo(haproxy) { ArgumentList = { "-db", "-f", file }, RedirectStandardError = true, RedirectStandardOutput = true };
        var process = Process.Start(start) ?? throw new InvalidOperationException("HAProxy did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static string ProxyConfigFile(int port) => Path.Combine(Path.GetTempPath(), $"cotravail-haproxy-{port}.cfg");

    private static async Task WaitForProxyAsync(HttpClient client, Process proxy)
    {
        for (var i = 0; i < 100 && !proxy.HasExited; i++)
        {
            try
            {
                using var health = await client.GetAsync("/healthz");
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        throw new InvalidOperationException(proxy.HasExited ? $"HAProxy stopped (exit code {proxy.ExitCode})." : "HAProxy did not answer.");
    }

    private static HttpClient Client(int port) => new() { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };

    private static async Task<HttpClient> TokenClientAsync(int port, string email)
    {
        var client = Client(port);
        using var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = DemoAccounts.Password });
        var answer = await token.Content.ReadFromJsonAsync<JsonElement>();
        token.StatusCode.ShouldBe(HttpStatusCode.OK, answer.ToString());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", answer.GetProperty("token").GetString());
        return client;
    }

    /// A location open every day and three rooms, made through the proxy by the network admin.
    private static async Task<(Guid Location, Guid[] Rooms)> WorldAsync(HttpClient admin)
    {
        var location = await PostAsync(admin, "/api/v1/locations", new
        {
            name = "Instances test",
            slug = TestData.NewSlug("inst"),
            street = "1 place des Tests",
            postalCode = "75001",
            city = "Paris",
            countryCode = "FR",
            timeZone = "Europe/Paris",
            currency = "EUR",
            openSpaceCapacity = 20,
            openingHours = Enum.GetValues<DayOfWeek>().Select(d => new { day = d.ToString(), opens = "07:00", closes = "22:00" }).ToArray(),
            vatRates = new[] { new { label = "Normal", percent = 20 } },
        });
        var rooms = new Guid[3];
        for (var i = 0; i < rooms.Length; i++)
        {
            rooms[i] = await PostAsync(admin, "/api/v1/resources", new
            {
                locationId = location, name = $"Salle {i}", kind = "MeetingRoom", capacity = 6, memberHourly = 25m, memberHalfDay = 90m, memberDay = 160m,
            });
        }
        return (location, rooms);
    }

    private static async Task<Guid> PostAsync(HttpClient client, string url, object body)
    {
        using var response = await client.PostAsJsonAsync(url, body);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, json.ToString());
        return json.GetProperty("id").GetGuid();
    }

    /// Accounts written straight into the database, all with the demo password (hashed once).
    private static async Task<List<User>> UsersAsync(ScratchDatabase scratch, IReadOnlyList<string> emails, string? networkAdmin = null)
    {
        await using var db = scratch.NewDb();
        var hash = new PasswordHasher<User>().HashPassword(new User(), DemoAccounts.Password);
        var users = emails.Select(email => new User
        {
            Id = Guid.CreateVersion7(),
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            EmailConfirmed = true,
            PasswordHash = hash,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            ConcurrencyStamp = Guid.NewGuid().ToString(),
            DisplayName = email.Split('@')[0],
            IsNetworkAdmin = email == networkAdmin,
            CreatedAt = TimeProvider.System.GetUtcNow().UtcDateTime,
        }).ToList();
        db.Users.AddRange(users);
        await db.SaveChangesAsync();
        return users;
    }

    /// Members of the location with sign-in accounts.
    private static async Task<string[]> MembersAsync(ScratchDatabase scratch, Guid location, int count)
    {
        var emails = Enumerable.Range(0, count).Select(_ => TestApp.NewEmail("instances")).ToArray();
        var users = await UsersAsync(scratch, emails);
        await using var db = scratch.NewDb();
        foreach (var user in users)
        {
            var member = new Member("Camille", "Instances", user.Email!, MemberCategory.Freelancer, location);
            member.LinkAccount(user.Id);
            db.Members.Add(member);
        }
        await db.SaveChangesAsync();
        return emails;
    }

    private static async Task<(HttpStatusCode Status, Guid Id)> BookAsync(HttpClient client, Guid room, DateTime start, DateTime end)
    {
        try
        {
            using var response = await client.PostAsJsonAsync("/api/v1/bookings", new
            {
                resourceId = room,
                start = start.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
                end = end.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
            });
            if (response.StatusCode != HttpStatusCode.Created)
            {
                return (response.StatusCode, Guid.Empty);
            }
            var json = await response.Content.ReadFromJsonAsync<JsonElement>();
            return (response.StatusCode, json.GetProperty("id").GetGuid());
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return (0, Guid.Empty); // the connection died with the killed instance: not acknowledged
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Cotravail.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Cotravail.slnx not found above " + AppContext.BaseDirectory);
    }
}
