using Cotravail.Modules.Privacy.Erasure;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Joining;

/// A person's requests to join and the invitations they received hold their name, email, phone and
/// message: deleted. Invitations they sent to others keep only their account id, which now names no one.
internal sealed class JoiningErasure : IErasureStep
{
    public IReadOnlyCollection<string> Tables { get; } = ["JoinRequests", "Invitations"];

    public async Task EraseAsync(ErasureContext context, CancellationToken ct)
    {
        var (userId, memberId) = (context.Subject.UserId, context.Subject.MemberId);
        var emails = context.PersonalTexts.Select(t => t.ToLowerInvariant()).ToArray();
        await context.Db.JoinRequests
            .Where(r => (userId != null && r.UserId == userId) || (memberId != null && r.MemberId == memberId))
            .ExecuteDeleteAsync(ct);
        await context.Db.Invitations
            .Where(i => (memberId != null && i.MemberId == memberId) || emails.Contains(i.Email))
            .ExecuteDeleteAsync(ct);
    }
}
