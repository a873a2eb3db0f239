using Cotravail.Common.Jobs;
using Microsoft.Extensions.Options;

namespace Cotravail.Common.Email;

/// Cotravail:Outbox: Send=false leaves messages queued (an instance that only serves pages);
/// PollInterval is how often due messages are looked for; MaxAttempts is how many times a message is
/// tried before it is marked failed for good.
internal sealed class OutboxOptions
{
    public bool Send { get; set; } = true;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// 8 tries 1, 2, 4 … 64 minutes apart: a message outlives a two-hour SMTP outage, and one that can never go stops.
    public int MaxAttempts { get; set; } = 8;
}

/// Runs a sending pass every PollInterval on every instance; claims keep them from sending twice.
internal sealed class OutboxWorker(IServiceScopeFactory scopes, IOptions<OutboxOptions> options, TimeProvider clock, ILogger<OutboxWorker> logger)
    : PeriodicJob(scopes, clock, logger)
{
    protected override bool Enabled => options.Value.Send;

    protected override TimeSpan Interval => options.Value.PollInterval;

    protected override Task RunOnceAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<OutboxDelivery>().SendDueAsync(ct);
}
