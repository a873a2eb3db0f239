using Cotravail.Common.Auth;
using Cotravail.Common.Errors;

namespace Cotravail.Modules.Members;

/// Erasing a member's personal data from the member's back-office page. The Privacy module does it across
/// every module (ErasePerson) and registers this hook, so the arrow goes from Privacy to Members only.
internal interface IMemberEraser
{
    /// Null when erased; otherwise why not (404, 403, or a conflict to show beside the form).
    Task<Error?> EraseAsync(Guid memberId, AccessScope scope, CancellationToken ct);
}
