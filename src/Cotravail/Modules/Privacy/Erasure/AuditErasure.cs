using Cotravail.Common.Audit;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Privacy.Erasure;

/// The audit log is kept (security record, one year) but loses the person's email, names and phone
/// from the free-text details of the entries about them; the ids stay.
internal sealed class AuditErasure : IErasureStep
{
    public const string Redacted = "[erased]";

    public IReadOnlyCollection<string> Tables { get; } = ["AuditLog"];

    public async Task EraseAsync(ErasureContext context, CancellationToken ct)
    {
        var ids = new[] { context.Subject.UserId, context.Subject.MemberId }.OfType<Guid>().Cast<Guid?>().ToList();
        foreach (var text in context.PersonalTexts.Where(t => t.Length >= 3))
        {
            await context.Db.Set<AuditEntry>()
                .Where(a => (ids.Contains(a.ActorUserId) || ids.Contains(a.TargetId)) && a.Detail != null && a.Detail.Contains(text))
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Detail, a => a.Detail!.Replace(text, Redacted)), ct);
        }
    }
}
