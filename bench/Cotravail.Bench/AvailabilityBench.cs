using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Modules.Bookings;
using Cotravail.Modules.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Members;

namespace Cotravail.Bench;

/// Availability search and booking over HTTP on the network-scale dataset (see Generator). The app
/// runs in this process on Kestrel (127.0.0.1, a free port) against the dataset's database; server side
/// calls the handler with a DI scope of that app, over HTTP goes through Kestrel with a bearer token of
/// the dataset's bench member. Each case is warmed up, then measured for a bounded time and count.
internal static class AvailabilityBench
{
    private const string BenchTitle = "Bench booking";

    public static async Task RunAsync(Options options)
    {
        var started = TimeProvider.System.GetUtcNow().UtcDateTime;
        await using var app = ScaleApp.Start(options.Engine, options.ConnectionString, kestrel: true);
        var setup = await SetUpAsync(app, started);
        var duration = TimeSpan.FromSeconds(options.Seconds);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = app.Address };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", setup.Token);

        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; {started.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC");
        Console.WriteLine($"Dataset ({options.Engine}): {setup.Counts}");
        Console.WriteLine($"Day searched: {setup.Day:yyyy-MM-dd} ({setup.Day.DayOfWeek}); one location: {setup.LocationName} ({setup.LocationResources} resources)");
        Console.WriteLine();

        var cases = new (string Name, SearchAvailability.Query Query)[]
        {
            ($"one location, all its resources, {setup.Day:ddd} 09:00–17:00, with reasons",
                new(Local(setup.Day, 9), Local(setup.Day, 17), setup.LocationId, null, null, null, null, null, true)),
            ($"whole network, room for 6 with visio kit, {setup.Day:ddd} 14:00–16:00",
                new(Local(setup.Day, 14), Local(setup.Day, 16), null, nameof(ResourceKind.MeetingRoom), 6, nameof(Amenity.VisioKit), null, null, null)),
        };
        foreach (var (name, query) in cases)
        {
            var answer = await SearchAsync(app, setup.Member, query);
            Console.WriteLine($"{name}: {answer.Available.Count} available, {answer.Unavailable.Count} unavailable listed");
        }
        Console.WriteLine();
        Console.WriteLine("| engine | case | via | concurrency | ops/s | p50 ms | p95 ms | p99 ms | app CPU ms/op | outcomes |");
        Console.WriteLine("|---|---|---|---:|---:|---:|---:|---:|---:|---|");
        if (options.ServerOnly)
        {
            // For a profiler: the network-wide search server side only, nothing else.
            cases = cases[1..];
        }
        if (options.BookingOnly)
        {
            cases = []; // for a profiler: the bookings over HTTP only
        }
        foreach (var (name, query) in cases)
        {
            var server = await WarmThenRunAsync(1, duration, options.MaxRequests, async _ =>
            {
                try
                {
                    await SearchAsync(app, setup.Member, query);
                    return "ok";
                }
                catch (Exception e)
                {
                    return "error: " + e.GetType().Name;
                }
            });
            Print(options.Engine, name, "server side", server);
            if (options.ServerOnly)
            {
                continue;
            }
            var url = Url(query);
            var overHttp = await WarmThenRunAsync(1, duration, options.MaxRequests, async _ =>
            {
                try
                {
                    using var response = await http.GetAsync(url);
                    await response.Content.ReadAsByteArrayAsync();
                    return response.StatusCode == HttpStatusCode.OK ? "ok" : ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
                }
                catch (Exception e)
                {
                    return "error: " + e.GetType().Name;
                }
            });
            Print(options.Engine, name, "HTTP", overHttp);
        }

        if (options.ServerOnly)
        {
            return;
        }
        // Booking over HTTP, each request on its own free half-hour of the dataset.
        var next = -1;
        foreach (var concurrency in new[] { 1, 16 })
        {
            var run = await WarmThenRunAsync(concurrency, duration, options.MaxRequests, async _ =>
            {
                var n = Interlocked.Increment(ref next);
                if (n >= setup.FreeSlots.Count)
                {
                    return "no free slot left";
                }
                var (resource, start) = setup.FreeSlots[n];
                return await HttpBookingBench.PostAsync(http, resource, start, BenchTitle);
            });
            Print(options.Engine, "booking a free half-hour (POST /api/v1/bookings)", "HTTP", run);
        }
        var removed = await CleanUpAsync(app, setup.UserId, started);
        Console.WriteLine();
        Console.WriteLine($"({removed} bench bookings and their emails removed; the dataset is as generated.)");
    }

    private static string Local(DateOnly day, int hour) => day.ToDateTime(new TimeOnly(hour, 0)).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    private static string Url(SearchAvailability.Query q)
    {
        var parts = new List<string> { $"start={q.Start}", $"end={q.End}" };
        void Add(string name, object? value)
        {
            if (value is not null)
            {
                parts.Add($"{name}={Uri.EscapeDataString(Convert.ToString(value, CultureInfo.InvariantCulture)!)}");
            }
        }
        Add("locationId", q.LocationId);
        Add("kind", q.Kind);
        Add("capacity", q.Capacity);
        Add("amenities", q.Amenities);
        Add("explain", q.Explain is true ? "true" : null);
        return "api/v1/availability?" + string.Join('&', parts);
    }

    private static async Task<SearchAvailability.Response> SearchAsync(ScaleApp app, AccessScope member, SearchAvailability.Query query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var result = await SearchAvailability.HandleAsync(query, db, scope.ServiceProvider.GetRequiredService<CatalogCache>(), member, TimeProvider.System, CancellationToken.None);
        return result.IsOk ? result.Value : throw new InvalidOperationException(result.Error.Message);
    }

    /// A short warm-up (JIT, pools, caches, the database's buffers), then the measured run.
    /// Also the CPU time this process spent per operation (app and client; not PostgreSQL's): a figure
    /// less sensitive than latency to other load on the machine.
    private static async Task<(RunResult Run, double CpuMs)> WarmThenRunAsync(int concurrency, TimeSpan duration, int maxOperations, Func<int, Task<string>> operation)
    {
        await Measure.RunAsync(concurrency, TimeSpan.FromSeconds(1), 20 * concurrency, operation);
        var cpu = Environment.CpuUsage.TotalTime;
        var run = await Measure.RunAsync(concurrency, duration, maxOperations, operation);
        return (run, (Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds / Math.Max(1, run.Operations));
    }

    private static void Print(DatabaseEngine engine, string name, string via, (RunResult Run, double CpuMs) result)
    {
        var r = result.Run;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {engine} | {name} | {via} | {r.Concurrency} | {r.PerSecond:F0} | {r.P50:F2} | {r.P95:F2} | {r.P99:F2} | {result.CpuMs:F2} | {string.Join(", ", r.Outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key} {o.Value}"))} |"));
    }

    private sealed record Setup(
        AccessScope Member, Guid UserId, string Token, DateOnly Day, Guid LocationId, string LocationName, int LocationResources,
        string Counts, List<(Guid Resource, DateTime LocalStart)> FreeSlots);

    private static async Task<Setup> SetUpAsync(ScaleApp app, DateTime now)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var (userId, stamp) = await db.Users.Where(u => u.NormalizedEmail == Dataset.BenchEmail.ToUpperInvariant())
            .Select(u => new ValueTuple<Guid, string?>(u.Id, u.SecurityStamp)).SingleAsync();
        await CleanUpAsync(app, userId, DateTime.UnixEpoch);
        var member = await Access.LoadAsync(db, scope.ServiceProvider.GetRequiredService<IMemberLinks>(), userId, CancellationToken.None);
        var (token, plain) = ApiToken.Issue(userId, stamp, "bench", now, TimeSpan.FromDays(1));
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync();

        var (locationCount, resourceCount, memberCount) = (await db.Locations.CountAsync(), await db.Resources.CountAsync(), await db.Members.CountAsync());
        var bookingCount = await db.Bookings.CountAsync();
        var counts = string.Create(CultureInfo.InvariantCulture,
            $"{locationCount:N0} locations, {resourceCount:N0} resources, {memberCount:N0} members, {bookingCount:N0} bookings");

        // Tomorrow, or the next working day, in Paris.
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, paris)).AddDays(1);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
        }
        // The location with the most resources.
        var busiest = await db.Resources.GroupBy(r => r.LocationId).Select(g => new { LocationId = g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.LocationId).FirstAsync();
        var locationName = await db.Locations.Where(l => l.Id == busiest.LocationId).Select(l => l.Name).SingleAsync();

        // Free half-hours a week later on simple meeting rooms (no approval, no weekly limit, no buffers), round-robin over rooms.
        var bookDay = day.AddDays(7);
        var rooms = await db.Resources.AsNoTracking()
            .Where(r => r.IsActive && r.Kind == ResourceKind.MeetingRoom && !r.Policy.RequiresApproval && r.Policy.MaxHoursPerWeek == null
                && r.Policy.IncrementMinutes == 30 && r.Policy.MinMinutes == 30 && r.Policy.SetupMinutes == 0 && r.Policy.CleanupMinutes == 0 && r.Policy.WindowDays >= 30)
            .OrderBy(r => r.Id).Take(600).Select(r => new { r.Id, r.LocationId }).ToListAsync();
        var locations = await db.Locations.AsNoTracking().Where(l => rooms.Select(r => r.LocationId).Contains(l.Id)).ToDictionaryAsync(l => l.Id);
        var (from, to) = (bookDay.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddDays(-1), bookDay.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddDays(2));
        var roomIds = rooms.Select(r => r.Id).ToList();
        var taken = (await db.Bookings.AsNoTracking()
            .Where(b => roomIds.Contains(b.ResourceId) && b.BlockStart < to && from < b.BlockEnd && (b.Status == BookingStatus.Pending || b.Status == BookingStatus.Confirmed))
            .Select(b => new { b.ResourceId, b.BlockStart, b.BlockEnd }).ToListAsync()).ToLookup(b => b.ResourceId);
        var perRoom = new List<List<(Guid, DateTime)>>();
        foreach (var room in rooms)
        {
            var location = locations[room.LocationId];
            var zone = TimeZoneInfo.FindSystemTimeZoneById(location.TimeZone);
            var free = new List<(Guid, DateTime)>();
            if (location.ClosedDays.Any(c => c.Date == bookDay))
            {
                continue;
            }
            foreach (var period in location.OpeningHours.Where(p => p.Day == bookDay.DayOfWeek))
            {
                var opens = bookDay.ToDateTime(period.Opens);
                var closes = period.Closes == TimeOnly.MinValue ? bookDay.ToDateTime(TimeOnly.MinValue).AddDays(1) : bookDay.ToDateTime(period.Closes);
                for (var start = opens; start.AddMinutes(30) <= closes; start = start.AddMinutes(30))
                {
                    var (s, e) = (TimeZoneInfo.ConvertTimeToUtc(start, zone), TimeZoneInfo.ConvertTimeToUtc(start.AddMinutes(30), zone));
                    if (!taken[room.Id].Any(b => DateTime.SpecifyKind(b.BlockStart, DateTimeKind.Utc) < e && s < DateTime.SpecifyKind(b.BlockEnd, DateTimeKind.Utc)))
                    {
                        free.Add((room.Id, start));
                    }
                }
            }
            perRoom.Add(free);
        }
        var slots = new List<(Guid, DateTime)>();
        for (var i = 0; perRoom.Any(f => i < f.Count); i++)
        {
            slots.AddRange(perRoom.Where(f => i < f.Count).Select(f => f[i]));
        }
        Console.WriteLine($"{slots.Count} free half-hours on {perRoom.Count} meeting rooms on {bookDay:yyyy-MM-dd} for the booking runs");
        return new Setup(member, userId, plain, day, busiest.LocationId, locationName, busiest.Count, counts, slots);
    }

    /// Removes what the runs wrote: the bench member's bench bookings and the emails they queued.
    private static async Task<int> CleanUpAsync(ScaleApp app, Guid userId, DateTime since)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var removed = await db.Bookings.Where(b => b.BookedByUserId == userId && b.Title == BenchTitle && b.CreatedAt >= since).ExecuteDeleteAsync();
        await db.Outbox.Where(o => o.CreatedAt >= since && o.To == Dataset.BenchEmail).ExecuteDeleteAsync();
        await db.ApiTokens.Where(t => t.UserId == userId && t.Name == "bench" && t.CreatedAt < since).ExecuteDeleteAsync();
        return removed;
    }
}
