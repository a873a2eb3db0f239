using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Modules.Companies;
using Cotravail.Modules.Locations;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Common.Web;

internal sealed record Choice(Guid Id, string Name);

/// Options for the back office's drop-down lists, limited to what the person may use.
internal static class Choices
{
    public static Task<List<Choice>> LocationsAsync(AppDb db, AccessScope scope, bool manageableOnly, CancellationToken ct)
    {
        var locations = db.Locations.VisibleTo(scope);
        if (manageableOnly && !scope.IsNetworkAdmin)
        {
            var ids = scope.ManagedLocations.ToList();
            locations = locations.Where(l => ids.Contains(l.Id));
        }
        return locations.OrderBy(l => l.Name).Select(l => new Choice(l.Id, l.Name)).ToListAsync(ct);
    }

    public static Task<List<Choice>> CompaniesAsync(AppDb db, AccessScope scope, CancellationToken ct) =>
        db.Companies.VisibleTo(scope).Where(c => c.IsActive).OrderBy(c => c.LegalName).Select(c => new Choice(c.Id, c.LegalName)).ToListAsync(ct);
}
