using Cotravail.Common.Database;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Common.Email;

/// One sending pass: claims each due message with a conditional UPDATE (the instance whose UPDATE
/// changed the row sends it, so two instances never send the same message), sends it, records the
/// outcome, and retries failures later with a growing delay.
internal sealed class OutboxDelivery(AppDb db, MailDelivery mail, TimeProvider clock, ILogger<OutboxDelivery> logger)
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
                .Where(m => m.SentAt == null && m.Attempts < OutboxMessage.MaxAttempts && m.NextAttemptAt <= now
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
            .Where(m => m.Id == id && m.SentAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, until), ct);
        if (claimed != 1)
        {
            return false; // another instance has it
        }
        var message = await db.Set<OutboxMessage>().FirstAsync(m => m.Id == id, ct);
        try
        {
            await mail.SendAsync(message, ct);
            message.MarkSent(clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(CancellationToken.None);
            return true;
        }
        catch (Exception e) when (e is System.Net.Mail.SmtpException or IOException or System.Net.Sockets.SocketException or InvalidOperationException or UnauthorizedAccessException)
        {
            logger.LogWarning(e, "Sending email {Id} failed (attempt {Attempt})", id, message.Attempts + 1);
            message.MarkFailed(clock.GetUtcNow().UtcDateTime, e.GetBaseException().Message);
            await db.SaveChangesAsync(CancellationToken.None);
            return false;
        }
    }
}
