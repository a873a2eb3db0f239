using Cotravail.Modules.Privacy.Erasure;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Subscriptions;

/// An erased member's subscriptions go, with their balances, what bookings took from them and their pauses:
/// the invoices that billed them keep what they charged (ADR 6), and nothing else depends on them.
internal sealed class SubscriptionErasure : IErasureStep
{
    public IReadOnlyCollection<string> Tables { get; } = ["Subscriptions", "SubscriptionPauses", "Allowances", "AllowanceUses"];

    public async Task EraseAsync(ErasureContext context, CancellationToken ct)
    {
        if (context.Subject.MemberId is { } memberId)
        {
            var ids = context.Db.Subscriptions.Where(s => s.MemberId == memberId).Select(s => s.Id);
            await context.Db.AllowanceUses.Where(u => ids.Contains(u.SubscriptionId)).ExecuteDeleteAsync(ct);
            await context.Db.Allowances.Where(a => ids.Contains(a.SubscriptionId)).ExecuteDeleteAsync(ct);
            await context.Db.Set<Subscription>().Where(s => s.MemberId == memberId).ExecuteDeleteAsync(ct);
        }
    }
}
