using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Web;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Locations;

/// The locations of a back office's drop-down list, limited to what the person may use.
internal static class LocationChoices
{
    public static Task<List<Choice>> ListAsync(AppDb db, AccessScope scope, bool manageableOnly, CancellationToken ct)
    {
        var locations = db.Locations.VisibleTo(scope);
        if (manageableOnly && !scope.IsNetworkAdmin)
        {
            var ids = scope.ManagedLocations.ToList();
            locations = locations.Where(l => ids.Contains(l.Id));
        }
        return locations.OrderBy(l => l.Name).Select(l => new Choice(l.Id, l.Name)).ToListAsync(ct);
    }
}
