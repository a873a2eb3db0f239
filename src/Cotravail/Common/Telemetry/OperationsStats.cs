using System.Diagnostics.Metrics;

namespace Cotravail.Common.Telemetry;

/// The essentials of /metrics kept in-process for the operations page (/admin/operations): bookings and
/// conflicts per minute over the last minutes, outbox failures, periodic jobs' runs and last run, request
/// latency by route (the last requests of each) and the database's connections. It listens to this host's
/// meters (the meter factory's) and to Npgsql's, which are the process's; nothing here survives a restart.
internal sealed class OperationsStats : IHostedService, IDisposable
{
    public const int Minutes = 15;
    private const int SamplesPerRoute = 512;
    private const int MaxRoutes = 200;

    private readonly MeterListener listener = new();
    private readonly IMeterFactory factory;
    private readonly TimeProvider clock;
    private readonly Lock gate = new();
    private readonly long[] minuteOf = new long[Minutes];
    private readonly long[] created = new long[Minutes];
    private readonly long[] conflicts = new long[Minutes];
    private readonly Dictionary<string, (long Runs, DateTimeOffset Last)> jobs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Samples> routes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> observed = new(StringComparer.Ordinal);
    private long createdTotal;
    private long conflictsTotal;
    private long outboxFailures;

    public OperationsStats(IMeterFactory factory, TimeProvider clock, AppMetrics metrics)
    {
        _ = metrics; // made first, so its instruments are published to this listener
        this.factory = factory;
        this.clock = clock;
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (Wanted(instrument))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        listener.SetMeasurementEventCallback<int>((i, v, tags, _) => Record(i, v, tags));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        listener.Start();
    }

    private bool Wanted(Instrument instrument) => instrument.Meter.Name switch
    {
        AppMetrics.MeterName => instrument.Meter.Scope == factory,
        "Microsoft.AspNetCore.Hosting" => instrument.Meter.Scope == factory && instrument.Name == "http.server.request.duration",
        "Npgsql" => instrument.Name is "db.client.connection.count" or "db.client.connection.max" or "db.client.connection.npgsql.pending_requests",
        _ => false,
    };

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        lock (gate)
        {
            switch (instrument.Name)
            {
                case "cotravail.bookings.created":
                    createdTotal += (long)value;
                    created[Bucket()] += (long)value;
                    break;
                case "cotravail.bookings.conflicts":
                    conflictsTotal += (long)value;
                    conflicts[Bucket()] += (long)value;
                    break;
                case "cotravail.outbox.send_failures":
                    outboxFailures += (long)value;
                    break;
                case "cotravail.jobs.runs":
                    var job = Tag(tags, "cotravail.job") ?? "?";
                    jobs[job] = (jobs.GetValueOrDefault(job).Runs + (long)value, clock.GetUtcNow());
                    break;
                case "http.server.request.duration":
                    var route = Tag(tags, "http.route") ?? "(no route)";
                    if (routes.TryGetValue(route, out var samples) || routes.Count < MaxRoutes)
                    {
                        samples ??= routes[route] = new Samples();
                        samples.Add(value);
                    }
                    break;
                default:
                    // observed values (the outbox backlog, connections): the last one per tag set, read by Snapshot
                    var key = instrument.Name + "|" + (Tag(tags, "db.client.connection.pool.name") ?? "") + "|" + (Tag(tags, "db.client.connection.state") ?? "");
                    observed[key] = observed.GetValueOrDefault(key) + (long)value;
                    break;
            }
        }
    }

    private static string? Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string name)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == name)
            {
                return tag.Value?.ToString();
            }
        }
        return null;
    }

    /// The minute's slot in the ring, emptied when a new minute takes it. Called under the lock.
    private int Bucket()
    {
        var minute = clock.GetUtcNow().ToUnixTimeSeconds() / 60;
        var slot = (int)(minute % Minutes);
        if (minuteOf[slot] != minute)
        {
            (minuteOf[slot], created[slot], conflicts[slot]) = (minute, 0, 0);
        }
        return slot;
    }

    public OperationsSnapshot Snapshot(int topRoutes = 10)
    {
        lock (gate)
        {
            observed.Clear();
        }
        listener.RecordObservableInstruments(); // outside the lock: the callbacks (the backlog's query) come back to Record
        lock (gate)
        {
            var now = clock.GetUtcNow();
            var minute = now.ToUnixTimeSeconds() / 60;
            var perMinute = Enumerable.Range(0, Minutes).Select(back =>
            {
                var m = minute - back;
                var slot = (int)(m % Minutes);
                var (c, x) = minuteOf[slot] == m ? (created[slot], conflicts[slot]) : (0, 0);
                return new MinuteCounts(DateTimeOffset.FromUnixTimeSeconds(m * 60), c, x);
            }).ToList();
            var latency = routes.OrderByDescending(r => r.Value.Count).Take(topRoutes)
                .Select(r => r.Value.Summary(r.Key)).ToList();
            var pools = observed.Where(o => o.Key.StartsWith("db.client.connection.", StringComparison.Ordinal))
                .Select(o => o.Key.Split('|')).GroupBy(k => k[1], StringComparer.Ordinal)
                .Select(g => new PoolUse(g.Key,
                    Value(g, "db.client.connection.count", "used"), Value(g, "db.client.connection.count", "idle"),
                    Value(g, "db.client.connection.max", ""), Value(g, "db.client.connection.npgsql.pending_requests", "")))
                .OrderBy(p => p.Pool, StringComparer.Ordinal).ToList();
            return new OperationsSnapshot(now, perMinute, createdTotal, conflictsTotal,
                observed.TryGetValue("cotravail.outbox.backlog||", out var backlog) ? backlog : null, outboxFailures,
                [.. jobs.OrderBy(j => j.Key, StringComparer.Ordinal).Select(j => new JobRuns(j.Key, j.Value.Runs, j.Value.Last))],
                latency, pools,
                observed.TryGetValue("cotravail.db.sqlite.waiting_writers||", out var waiting) ? waiting : null);
        }

        long Value(IEnumerable<string[]> keys, string name, string state) =>
            keys.Where(k => k[0] == name && k[2] == state).Sum(k => observed[string.Join('|', k)]);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => listener.Dispose();

    /// The durations of a route's last requests, in seconds, and how many it served since the start.
    private sealed class Samples
    {
        private readonly double[] ring = new double[SamplesPerRoute];
        private int next;

        public long Count { get; private set; }

        public void Add(double seconds)
        {
            ring[next] = seconds;
            next = (next + 1) % SamplesPerRoute;
            Count++;
        }

        public RouteLatency Summary(string route)
        {
            var kept = ring.Take((int)Math.Min(Count, SamplesPerRoute)).Order().ToArray();
            return new RouteLatency(route, Count, Percentile(kept, 0.50), Percentile(kept, 0.95));
        }

        private static TimeSpan Percentile(double[] sorted, double p) =>
            sorted.Length == 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(sorted[(int)Math.Ceiling(p * sorted.Length) - 1]);
    }
}

internal sealed record MinuteCounts(DateTimeOffset Minute, long Created, long Conflicts);

internal sealed record JobRuns(string Job, long Runs, DateTimeOffset LastRun);

internal sealed record RouteLatency(string Route, long Requests, TimeSpan P50, TimeSpan P95);

/// A connection pool (Npgsql's pool name is its connection string without the password).
internal sealed record PoolUse(string Pool, long Used, long Idle, long Max, long Pending);

/// Backlog: null when it could not be read; SqliteWaitingWriters: null on PostgreSQL.
internal sealed record OperationsSnapshot(
    DateTimeOffset At, IReadOnlyList<MinuteCounts> PerMinute, long CreatedTotal, long ConflictsTotal, long? OutboxBacklog,
    long OutboxFailures, IReadOnlyList<JobRuns> Jobs, IReadOnlyList<RouteLatency> Routes, IReadOnlyList<PoolUse> Pools, long? SqliteWaitingWriters);
