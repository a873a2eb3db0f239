using Cotravail.Common.Database;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Billing;

/// Walks the seller's issued documents in chain order and recomputes each footprint: the first
/// document whose content, place or link does not match is where the chain breaks.
internal static class VerifyChain
{
    internal sealed record Report(bool Intact, long Checked, BrokenLink? FirstBroken);

    internal sealed record BrokenLink(Guid? InvoiceId, string? Number, long ChainIndex, string Reason);

    private const int Batch = 500;

    public static async Task<Report> HandleAsync(AppDb db, CancellationToken ct)
    {
        var previous = InvoiceFootprint.Genesis;
        long expected = 1;
        while (true)
        {
            var from = expected;
            var batch = await db.Invoices.AsNoTracking().AsSplitQuery().Include(i => i.Lines).Include(i => i.VatBreakdown)
                .Where(i => i.Status == InvoiceStatus.Issued && i.ChainIndex >= from)
                .OrderBy(i => i.ChainIndex).Take(Batch).ToListAsync(ct);
            foreach (var d in batch)
            {
                var broken = d.ChainIndex != expected ? "A document is missing before this one."
                    : d.PreviousFootprint != previous ? "It does not point at the footprint of the document before it."
                    : d.Footprint != InvoiceFootprint.Of(d) ? "Its content no longer matches its footprint."
                    : null;
                if (broken is not null)
                {
                    return new Report(false, expected - 1, new BrokenLink(d.Id, d.Number, d.ChainIndex ?? 0, broken));
                }
                previous = d.Footprint!;
                expected++;
            }
            if (batch.Count < Batch)
            {
                break;
            }
        }
        var head = await db.Set<DocumentChain>().AsNoTracking().FirstOrDefaultAsync(c => c.SellerId == BillingTerms.SellerId, ct);
        if (head is not null && (head.LastIndex != expected - 1 || head.LastFootprint != previous))
        {
            return new Report(false, expected - 1, new BrokenLink(null, null, head.LastIndex, "The last issued document is missing or was changed."));
        }
        return new Report(true, expected - 1, null);
    }
}
