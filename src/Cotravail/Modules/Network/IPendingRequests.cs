using Cotravail.Common.Auth;

namespace Cotravail.Modules.Network;

/// The number of booking requests waiting for a decision at the locations a staff member works at, for the
/// back office's menu badge; declared here (the menu's module) and answered by the dashboard (Modules/Admin).
internal interface IPendingRequests
{
    Task<int> CountAsync(AccessScope scope, CancellationToken ct = default);
}
