using System.Globalization;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Web;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Members;
using Cotravail.Modules.Offers;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Subscriptions.Admin;

/// What the back office's subscription forms offer: the active members of the locations one manages, and the offers on
/// sale there (network offers included); plans only for a change of plan. Subscribe checks the choice again.
internal static class SubscriptionChoices
{
    public static Task<List<Choice>> MembersAsync(AppDb db, AccessScope scope, CancellationToken ct)
    {
        var managed = scope.ManagedLocations.ToList();
        var admin = scope.IsNetworkAdmin;
        return db.Members.AsNoTracking().Where(m => m.IsActive && (admin || managed.Contains(m.HomeLocationId)))
            .OrderBy(m => m.LastName).ThenBy(m => m.FirstName).Take(1000)
            .Select(m => new Choice(m.Id, m.LastName + " " + m.FirstName + " <" + m.Email + ">")).ToListAsync(ct);
    }

    /// Offers to subscribe to (plansOnly: for a change of plan), "name — location", network offers last.
    public static async Task<List<Choice>> OffersAsync(AppDb db, AccessScope scope, bool plansOnly, Guid? locationId, CancellationToken ct)
    {
        var managed = scope.ManagedLocations.ToList();
        var admin = scope.IsNetworkAdmin;
        var offers = db.Offers.VisibleTo(db, scope).AsNoTracking()
            .Where(o => o.IsActive && o.Kind != OfferKind.Product && (o.LocationId == null || admin || managed.Contains(o.LocationId.Value)));
        if (plansOnly)
        {
            offers = offers.Where(o => o.Kind == OfferKind.MonthlyPlan || o.Kind == OfferKind.AnnualPlan);
        }
        if (locationId is { } place)
        {
            offers = offers.Where(o => o.LocationId == null || o.LocationId == place);
        }
        var rows = await offers.OrderBy(o => o.LocationId == null).ThenBy(o => o.Kind).ThenBy(o => o.Position).Take(1000).ToListAsync(ct);
        var ids = rows.Select(o => o.LocationId).OfType<Guid>().Distinct().ToList();
        var names = await db.Locations.Where(l => ids.Contains(l.Id)).ToDictionaryAsync(l => l.Id, l => l.Name, ct);
        var ui = CultureInfo.CurrentUICulture;
        return [.. rows.Select(o => new Choice(o.Id, o.LocationId is { } at ? $"{o.Name(ui)} — {names.GetValueOrDefault(at)}" : o.Name(ui)))];
    }
}
