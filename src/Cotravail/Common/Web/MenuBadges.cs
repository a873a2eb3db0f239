using Cotravail.Common.Auth;

namespace Cotravail.Common.Web;

/// A number shown beside an entry of the main menu (a member's unread community notifications…), given by the
/// module that owns the entry, so the shared layout depends on no module. Register as scoped; 0 shows nothing.
internal interface IMenuBadge
{
    /// The menu entry it belongs to ("/community").
    string Href { get; }

    Task<int> CountAsync(AccessScope access, CancellationToken ct);
}
