using Cotravail.Common.Database;
using Cotravail.Common.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cotravail.Common.Email;

/// One sending pass: claims each due message with a conditional UPDATE (the instance whose UPDATE
/// changed the row sends it, so two instances never send the same message), sends it, records the
/// outcome, and retries failures later with a growing delay until MaxAttempts, then marks the message
/// failed for good. A message that fails, whatever the reason, never holds back the others.
internal sealed class OutboxDelivery(AppDb db, MailDelivery mail, TimeProvider clock, IOptions<OutboxOptions> options, ILogger<OutboxDelivery> logger,
    AppMetrics? metrics = null)
{
    public static readonly TimeSpan ClaimDuration = TimeSpan.FromMinutes(5);
    private const int BatchSize = 20;

    /// Sends every message due now; answers how many were sent.
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var sent = 0;
        var tried = new HashSet<Guid>();
        while (!ct.IsCancellationRequested)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var due = await db.Set<OutboxMessage>().AsNoTracking()
                .Where(m => m.SentAt == null && m.FailedAt == null && m.NextAttemptAt <= now
                    && (m.ClaimedUntil == null || m.ClaimedUntil < now))
                .OrderBy(m => m.NextAttemptAt).Select(m => m.Id).Take(BatchSize).ToListAsync(ct);
            due.RemoveAll(id => !tried.Add(id));
            if (due.Count == 0)
            {
                return sent;
            }
            foreach (var id in due)
            {
                if (await TrySendAsync(id, ct))
                {
                    sent++;
                }
            }
        }
        return sent;
    }

    private async Task<bool> TrySendAsync(Guid id, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + ClaimDuration;
        var claimed = await db.Set<OutboxMessage>()
            .Where(m => m.Id == id && m.SentAt == null && m.FailedAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, until), ct);
        if (claimed != 1)
        {
            return false; // another instance has it
        }
        var message = await db.Set<OutboxMessage>().FirstAsync(m => m.Id == id, ct);
        try
        {
            await mail.SendAsync(message, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Building the message counts as much as sending it: a bad address or header fails this message only.
            metrics?.OutboxSendFailed();
            message.MarkFailed(clock.GetUtcNow().UtcDateTime, $"{e.GetType().Name}: {e.GetBaseException().Message}", options.Value.MaxAttempts);
            logger.LogWarning(e, "Sending email {Id} failed (attempt {Attempt}, {Outcome})", id, message.Attempts,
                message.FailedAt is null ? "will retry" : "failed for good");
            await db.SaveChangesAsync(CancellationToken.None);
            return false;
        }
        message.MarkSent(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(CancellationToken.None);
        return true;
    }
}
