using Cotravail.Common.Jobs;
using Microsoft.Extensions.Options;

namespace Cotravail.Common.Email;

/// Cotravail:Outbox: Send=false leaves messages queued (an instance that only serves pages);
/// PollInterval is how often due messages are looked for.
internal sealed class OutboxOptions
{
    public bool Send { get; set; } = true;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);
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
