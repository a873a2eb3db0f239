using Cotravail.Common.Email;
using Microsoft.EntityFrameworkCore;
using Cotravail.Modules.Members;

namespace Cotravail.Modules.Privacy.Erasure;

/// The member record: anonymised and deactivated, its id kept so bookings and invoices still join;
/// privacy choices deleted (no row means everything off).
internal sealed class MemberErasure : IErasureStep
{
    public IReadOnlyCollection<string> Tables { get; } = ["Members", "MemberPrivacy"];

    public async Task EraseAsync(ErasureContext context, CancellationToken ct)
    {
        if (context.Subject.MemberId is not { } memberId)
        {
            return;
        }
        var db = context.Db;
        await db.MemberPrivacy.Where(p => p.MemberId == memberId).ExecuteDeleteAsync(ct);
        var member = await db.Members.FirstAsync(m => m.Id == memberId, ct);
        member.Anonymise(ErasureContext.FormerMember, ErasedAddress.For(memberId));
    }
}
