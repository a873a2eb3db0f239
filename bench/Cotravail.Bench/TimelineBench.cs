using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Cotravail.Common;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Modules.Bookings;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Members;
using Cotravail.Modules.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Bench;

/// Issue 14: "the timeline of a location with 50 resources renders server-side in p95 under 30 ms". A fresh
/// database per engine (BenchApp) gets a location open 08:00–20:00 with 50 resources of every kind and, on
/// each day of the measured day's week, 3 to 6 bookings per resource (seeded: the same each run). Then
/// GET /locations/{slug}/timeline?date=… (the day) and ?view=week&amp;date=… are requested through the
/// in-process test server, signed in through the sign-in page as the location's manager and as a member,
/// `--warmup` times (100, all cases in turn) and then `--requests` times (200) each, one at a time; the time is measured around
/// each HTTP call and includes reading the whole page (the test server adds no network).
///   dotnet run -c Release --project bench/Cotravail.Bench -- timeline --postgres "Host=127.0.0.1;Port=55500;Username=postgres"
/// (`--only sqlite|postgres` for one engine.)
internal static class TimelineBench
{
    private const int ResourceCount = 50;
    private const string Password = "Banc-d-essai-7Kq2-Tilleul";
    private const string Slug = "timeline-bench";
    private const string ManagerEmail = "timeline-manager@cotravail.test";

    public static async Task RunAsync(Dictionary<string, string> options)
    {
        var requests = int.Parse(options.GetValueOrDefault("requests", "200"), CultureInfo.InvariantCulture);
        var warmUp = int.Parse(options.GetValueOrDefault("warmup", "100"), CultureInfo.InvariantCulture);
        var postgres = options.GetValueOrDefault("postgres", "Host=127.0.0.1;Port=55500;Username=postgres");
        var only = options.GetValueOrDefault("only", "");
        var started = TimeProvider.System.GetUtcNow().UtcDateTime;
        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; {started.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC");
        Console.WriteLine($"One location, {ResourceCount} resources of every kind, 3–6 bookings per resource and day over the week; {warmUp} warm-up requests per case (all cases in turn), then {requests} per case, one at a time.");
        Console.WriteLine();
        Console.WriteLine($"Load average at the start: {LoadAverage()}");
        Console.WriteLine();
        Console.WriteLine("| engine | page | as | requests | p50 ms | p95 ms | max ms | CPU ms/request | page KB |");
        Console.WriteLine("|---|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var engine in new[] { DatabaseEngine.Sqlite, DatabaseEngine.Postgres })
        {
            if (only.Length > 0 && !only.Equals(engine.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            await using var app = await BenchApp.StartAsync(engine, engine == DatabaseEngine.Postgres ? postgres : null, resources: 0, Password);
            var day = await SeedAsync(app, started);
            var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var cases = new List<(string Who, HttpClient Client, string Page, string Url)>();
            foreach (var (who, email) in new[] { ("manager", ManagerEmail), ("member", BenchApp.MemberEmail) })
            {
                var client = await SignInAsync(app, email);
                cases.Add((who, client, "day", $"/locations/{Slug}/timeline?date={date}"));
                cases.Add((who, client, "week", $"/locations/{Slug}/timeline?view=week&date={date}"));
            }
            // Every case warmed up before any is measured (JIT tiers, EF's compiled queries, pools), taking turns.
            for (var i = 0; i < warmUp; i++)
            {
                foreach (var c in cases)
                {
                    await GetAsync(c.Client, c.Url);
                }
            }
            foreach (var (who, client, page, url) in cases)
            {
                var times = new double[requests];
                var bytes = 0;
                var cpu = Environment.CpuUsage.TotalTime;
                for (var i = 0; i < requests; i++)
                {
                    var begun = Stopwatch.GetTimestamp();
                    bytes = await GetAsync(client, url);
                    times[i] = Stopwatch.GetElapsedTime(begun).TotalMilliseconds;
                }
                var cpuPerRequest = (Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds / requests;
                Array.Sort(times);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {engine} | {page} (`{url.Replace(date, "…", StringComparison.Ordinal)}`) | {who} | {requests} | {Percentile(times, 0.50):F2} | {Percentile(times, 0.95):F2} | {times[^1]:F2} | {cpuPerRequest:F2} | {bytes / 1024.0:F0} |"));
            }
            foreach (var client in cases.Select(c => c.Client).Distinct())
            {
                client.Dispose();
            }
        }
        Console.WriteLine();
        Console.WriteLine($"Load average at the end: {LoadAverage()}");
    }

    /// The machine's load (1, 5, 15 minutes): the figures are wall-clock times, which a busy machine inflates.
    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static async Task<int> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsByteArrayAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {url} answered {(int)response.StatusCode}");
        }
        return body.Length;
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    /// The location, its resources and manager, and the week's bookings; the day measured (local), a Wednesday a week or two ahead.
    private static async Task<DateTime> SeedAsync(BenchApp app, DateTime nowUtc)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var now = DateTime.SpecifyKind(DateTime.UnixEpoch.AddSeconds(TimeProvider.System.GetUtcNow().ToUnixTimeSeconds()), DateTimeKind.Utc);
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var location = new Location("Timeline bench", Slug, "Europe/Paris", "EUR") { Street = "2 rue du Banc", PostalCode = "75002", City = "Paris", CreatedAt = now, OpenSpaceCapacity = 60 };
        location.SetOpeningHours(Enum.GetValues<DayOfWeek>().Select(d => new OpeningPeriod(d, new TimeOnly(8, 0), new TimeOnly(20, 0))));
        location.SetVatRates([new VatRate("Normal", 2000)]);
        db.Locations.Add(location);
        // A realistic mix: rooms and booths most, then desks and offices, a few zones and equipment.
        ResourceKind[] mix =
        [
            .. Enumerable.Repeat(ResourceKind.MeetingRoom, 14), .. Enumerable.Repeat(ResourceKind.PhoneBooth, 8), .. Enumerable.Repeat(ResourceKind.VideoRoom, 4),
            .. Enumerable.Repeat(ResourceKind.DedicatedDesk, 10), .. Enumerable.Repeat(ResourceKind.PrivateOffice, 6),
            .. Enumerable.Repeat(ResourceKind.HotDeskZone, 3), .. Enumerable.Repeat(ResourceKind.Equipment, 5),
        ];
        var resources = mix.Select((kind, i) => new Resource(location.Id, $"{kind} {i + 1:D2}", kind, kind switch
        {
            ResourceKind.HotDeskZone => 12,
            ResourceKind.MeetingRoom or ResourceKind.VideoRoom => 4 + (i % 3 * 4),
            _ => 1,
        })
        {
            CreatedAt = now,
            Rates = new Rates(2500, 9000, 16000, 3500, 12000, 20000),
            Policy = BookingPolicy.Default with { WindowDays = 3650, CheckInMinutes = 0 },
        }).ToList();
        db.Resources.AddRange(resources);

        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var manager = new User { Id = Guid.CreateVersion7(), UserName = ManagerEmail, Email = ManagerEmail, EmailConfirmed = true, DisplayName = "Timeline Manager", CreatedAt = now };
        (await users.CreateAsync(manager, Password)).Succeeded.ShouldBeTrue();
        db.StaffAssignments.Add(new StaffAssignment(manager.Id, location.Id, StaffRole.Manager));

        // Bookers: twenty members of the location (the timeline names them for staff).
        var members = Enumerable.Range(1, 20).Select(i => new Member("Membre", $"Banc {i:D2}", $"timeline-{i:D2}@cotravail.test", MemberCategory.Freelancer, location.Id) { CreatedAt = now }).ToList();
        db.Members.AddRange(members);
        await db.SaveChangesAsync();

        var today = TimeZoneInfo.ConvertTimeFromUtc(nowUtc, paris).Date;
        var day = today.AddDays(7 + (((int)DayOfWeek.Wednesday - (int)today.DayOfWeek + 7) % 7));
        var monday = Weeks.MondayOf(DateOnly.FromDateTime(day)).ToDateTime(TimeOnly.MinValue);
        var random = new Random(14);
        var count = 0;
        for (var d = 0; d < 7; d++)
        {
            foreach (var resource in resources)
            {
                // 3–6 bookings between 08:00 and 20:00: half-hour starts, 30 min to 2 h, never overlapping.
                var wanted = random.Next(3, 7);
                var at = 8 * 60 + (30 * random.Next(0, 3));
                for (var b = 0; b < wanted && at < 19 * 60 + 30; b++)
                {
                    var length = 30 * random.Next(1, 5);
                    var end = Math.Min(at + length, 20 * 60);
                    var local = monday.AddDays(d);
                    var slot = new TimeSlot(
                        TimeZoneInfo.ConvertTimeToUtc(local.AddMinutes(at), paris), TimeZoneInfo.ConvertTimeToUtc(local.AddMinutes(end), paris));
                    var member = members[random.Next(members.Count)];
                    db.Add(new Booking(resource.Id, resource.Kind, location.Id, slot, slot, app.Member.UserId!.Value, member.Id, $"Réunion {count}", pending: false, now));
                    count++;
                    at = end + (30 * random.Next(0, 5));
                }
            }
        }
        await db.SaveChangesAsync();
        Console.WriteLine($"{app.Engine}: {resources.Count} resources, {count} bookings over the week of {monday:yyyy-MM-dd}; day measured {day:yyyy-MM-dd} ({day.DayOfWeek}).");
        return day;
    }

    /// A cookie client signed in through the sign-in page, as a browser.
    private static async Task<HttpClient> SignInAsync(BenchApp app, string email)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost") });
        var form = await client.GetStringAsync("/account/sign-in");
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["Input.Password"] = Password, ["__RequestVerificationToken"] = token,
        });
        using var response = await client.PostAsync("/account/sign-in", content);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in of {email} answered {(int)response.StatusCode}.");
        }
        return client;
    }
}
