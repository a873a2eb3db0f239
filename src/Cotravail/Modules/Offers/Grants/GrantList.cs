using Cotravail.Common;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Members;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Offers;

/// A grant as the staff page lists it, with its member's name and home location.
internal sealed record GrantRow(
    Guid Id, Guid MemberId, string MemberName, string LocationName, MemberCategory Category, string ProofNote, DateOnly ValidUntil, bool IsValid,
    DateTime GrantedAt, DateTime? RevokedAt);

/// The grants of the members whose home location the caller manages (all for network admins), latest first.
internal static class GrantList
{
    public static async Task<Page<GrantRow>> ListAsync(AppDb db, AccessScope scope, bool currentOnly, int? page, TimeProvider clock, CancellationToken ct)
    {
        var managed = scope.ManagedLocations.ToList();
        var members = db.Members.VisibleTo(scope).Where(m => scope.IsNetworkAdmin || managed.Contains(m.HomeLocationId));
        var rows = db.ReducedRateGrants.AsNoTracking()
            .Join(members, g => g.MemberId, m => m.Id, (g, m) => new { Grant = g, m.FirstName, m.LastName, m.HomeLocationId });
        if (currentOnly)
        {
            // the earliest local date anywhere; each row's validity is then read in its member's time zone
            var earliest = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-1);
            rows = rows.Where(r => r.Grant.RevokedAt == null && r.Grant.ValidUntil >= earliest);
        }
        var found = await rows.OrderByDescending(r => r.Grant.GrantedAt).ThenByDescending(r => r.Grant.Id)
            .ToPageAsync(PageRequest.Of(page, null), ct);
        var ids = found.Items.Select(r => r.HomeLocationId).Distinct().ToList();
        var locations = await db.Locations.Where(l => ids.Contains(l.Id)).Select(l => new { l.Id, l.Name, l.TimeZone }).ToDictionaryAsync(l => l.Id, ct);
        return new Page<GrantRow>(
            [.. found.Items.Select(r => new GrantRow(
                r.Grant.Id, r.Grant.MemberId, $"{r.FirstName} {r.LastName}", locations[r.HomeLocationId].Name, r.Grant.Category, r.Grant.ProofNote,
                r.Grant.ValidUntil, r.Grant.IsValidOn(ReducedRates.Today(clock, locations[r.HomeLocationId].TimeZone)), r.Grant.GrantedAt, r.Grant.RevokedAt))],
            found.PageNumber, found.PageSize, found.TotalCount);
    }
}
