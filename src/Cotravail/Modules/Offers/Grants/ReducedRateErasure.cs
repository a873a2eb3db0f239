using Cotravail.Modules.Privacy.Erasure;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Offers;

/// The reduced-rate grants of an erased member are deleted: their proof notes say what was checked about the
/// person, and no invoice depends on them (an invoice keeps the price it charged). Grants an erased staff
/// member made name them by account id only, which stays (like the audit log's actor).
internal sealed class ReducedRateErasure : IErasureStep
{
    public IReadOnlyCollection<string> Tables { get; } = ["ReducedRateGrants"];

    public async Task EraseAsync(ErasureContext context, CancellationToken ct)
    {
        if (context.Subject.MemberId is { } memberId)
        {
            await context.Db.ReducedRateGrants.Where(g => g.MemberId == memberId).ExecuteDeleteAsync(ct);
        }
    }
}
