using Cotravail.Common.Database;
using Cotravail.Common.Email;

namespace Cotravail.Common.Telemetry;

/// How many emails wait to be sent, counted at most once every few seconds however often it is scraped
/// (one indexed COUNT: IX_Outbox_Due covers unsent, not failed messages).
internal sealed class OutboxBacklog(IServiceScopeFactory scopes, TimeProvider clock, ILogger<OutboxBacklog> logger)
{
    public static readonly TimeSpan Freshness = TimeSpan.FromSeconds(5);

    private readonly Lock gate = new();
    private long? last;
    private DateTimeOffset readAt = DateTimeOffset.MinValue;

    /// The number of unsent messages, or null when it cannot be read (the database is away, the host stops).
    public long? Read()
    {
        lock (gate)
        {
            var now = clock.GetUtcNow();
            if (now - readAt < Freshness && now >= readAt)
            {
                return last;
            }
            readAt = now;
            try
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDb>();
                last = db.Set<OutboxMessage>().LongCount(m => m.SentAt == null && m.FailedAt == null);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                logger.LogDebug(e, "The outbox backlog could not be read");
                last = null;
            }
            return last;
        }
    }
}
