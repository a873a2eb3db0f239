using Cotravail.Common.Auth;
using Cotravail.Common.Errors;
using Cotravail.Modules.Members;

namespace Cotravail.Modules.Privacy.Erasure;

/// The member page's erase button (IMemberEraser): the same handler as POST /api/v1/members/{id}/erase.
internal sealed class MemberEraser(ErasePerson erase) : IMemberEraser
{
    public async Task<Error?> EraseAsync(Guid memberId, AccessScope scope, CancellationToken ct)
    {
        var result = await erase.MemberAsync(memberId, scope, ct);
        return result.IsOk ? null : result.Error;
    }
}
