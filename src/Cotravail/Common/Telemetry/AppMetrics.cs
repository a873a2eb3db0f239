using System.Diagnostics;
using System.Diagnostics.Metrics;
using Cotravail.Common.Database;

namespace Cotravail.Common.Telemetry;

/// The app's own meter, "Cotravail" (docs/observability.md). Made by the host's meter factory, so each host
/// (and each test host) has its own; tags never name a person: a location's id, a resource kind, a job's name.
internal sealed class AppMetrics
{
    public const string MeterName = "Cotravail";

    private readonly Counter<long> bookingsCreated;
    private readonly Counter<long> bookingConflicts;
    private readonly Counter<long> outboxFailures;
    private readonly Counter<long> jobRuns;

    public AppMetrics(IMeterFactory meters, OutboxBacklog backlog)
    {
        var meter = meters.Create(MeterName);
        bookingsCreated = meter.CreateCounter<long>("cotravail.bookings.created", "{booking}", "Bookings written (requests awaiting approval included).");
        bookingConflicts = meter.CreateCounter<long>("cotravail.bookings.conflicts", "{booking}",
            "Bookings or changes refused because the slot is taken (the API answers 409).");
        outboxFailures = meter.CreateCounter<long>("cotravail.outbox.send_failures", "{message}", "Emails whose sending attempt failed.");
        jobRuns = meter.CreateCounter<long>("cotravail.jobs.runs", "{run}", "Passes of the periodic jobs (no-show sweep, outbox), by job.");
        meter.CreateObservableGauge<long>("cotravail.outbox.backlog", () => backlog.Read() is { } pending ? [new Measurement<long>(pending)] : [],
            "{message}", "Emails waiting to be sent (read at most every few seconds).");
        meter.CreateObservableGauge<int>("cotravail.db.sqlite.waiting_writers", () => SqliteWriteGate.Waiting() is { } waiting ? [new Measurement<int>(waiting)] : [],
            "{writer}", "SQLite: writers of this process queued behind the one writing.");
    }

    public void BookingCreated(Guid locationId, string kind) =>
        bookingsCreated.Add(1, new TagList { { "cotravail.location.id", locationId.ToString() }, { "cotravail.resource.kind", kind } });

    /// Operation: "create" or "change".
    public void BookingConflict(string operation) => bookingConflicts.Add(1, new KeyValuePair<string, object?>("cotravail.operation", operation));

    public void OutboxSendFailed() => outboxFailures.Add(1);

    public void JobRan(string job) => jobRuns.Add(1, new KeyValuePair<string, object?>("cotravail.job", job));
}
