using Cotravail.Common.Audit;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Microsoft.EntityFrameworkCore;
using Cotravail.Modules.Locations;

namespace Cotravail.Modules.Resources;

/// Create a resource, or change one (including moving it to another location the manager runs).
internal static class SaveResource
{
    public static async Task<Result<ResourceResponse>> CreateAsync(ResourceInput input, AppDb db, AccessScope scope, TimeProvider clock, CancellationToken ct)
    {
        var locationId = input.LocationId!.Value;
        if (await CheckLocationAsync(locationId, db, scope, ct) is { } error)
        {
            return error;
        }
        if (await db.Resources.AnyAsync(r => r.LocationId == locationId && r.Name == input.Name.Trim(), ct))
        {
            return new Conflict(nameof(ResourceInput.Name), "Another resource of this location has this name.");
        }
        var resource = new Resource(locationId, input.Name.Trim(), input.Kind!.Value, input.Capacity) { CreatedAt = clock.GetUtcNow().UtcDateTime };
        input.ApplyTo(resource);
        db.Resources.Add(resource);
        await db.SaveChangesAsync(ct);
        return (await ResourceAccess.ResponseAsync(db, resource, ct))!;
    }

    public static async Task<Result<ResourceResponse>> UpdateAsync(Guid id, ResourceInput input, AppDb db, AccessScope scope, AuditTrail audit, TimeProvider clock,
        IEnumerable<IResourceKindGuard> kindGuards, CancellationToken ct)
    {
        var resource = await db.Resources.VisibleTo(db, scope).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (resource is null)
        {
            return new NotFound("Resource");
        }
        if (!scope.CanManage(resource.LocationId))
        {
            return new Forbidden();
        }
        var locationId = input.LocationId!.Value;
        if (locationId != resource.LocationId && await CheckLocationAsync(locationId, db, scope, ct) is { } error)
        {
            return error;
        }
        if (await db.Resources.AnyAsync(r => r.LocationId == locationId && r.Name == input.Name.Trim() && r.Id != id, ct))
        {
            return new Conflict(nameof(ResourceInput.Name), "Another resource of this location has this name.");
        }
        // Its bookings follow a new kind (migration 0021); what another module keeps may hold the kind (IResourceKindGuard).
        if (input.Kind != resource.Kind)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var guard in kindGuards)
            {
                if (await guard.RefusalAsync(db, resource, now, ct) is { } refused)
                {
                    return refused;
                }
            }
        }
        var (before, rulesBefore) = (resource.Rates, resource.Policy);
        resource.MoveTo(locationId);
        input.ApplyTo(resource);
        var currency = await db.Locations.Where(l => l.Id == locationId).Select(l => l.Currency).FirstAsync(ct);
        if (RateChanges.Describe(before, resource.Rates, currency) is { } changes)
        {
            audit.Record(AuditActions.PriceChanged, "resource", resource.Id, locationId, $"{resource.Name}: {changes}");
        }
        if (PolicyChanges.Describe(rulesBefore, resource.Policy) is { } ruleChanges)
        {
            audit.Record(AuditActions.BookingRulesChanged, "resource", resource.Id, locationId, $"{resource.Name}: {ruleChanges}");
        }
        await db.SaveChangesAsync(ct);
        await ResourcePhotos.FollowAsync(db, resource.Id, locationId, ct);
        return (await ResourceAccess.ResponseAsync(db, resource, ct))!;
    }

    public static async Task<Result<ResourceResponse>> SetActiveAsync(Guid id, bool active, AppDb db, AccessScope scope, CancellationToken ct)
    {
        var resource = await db.Resources.VisibleTo(db, scope).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (resource is null)
        {
            return new NotFound("Resource");
        }
        if (!scope.CanManage(resource.LocationId))
        {
            return new Forbidden();
        }
        if (active)
        {
            resource.Activate();
        }
        else
        {
            resource.Deactivate();
        }
        await db.SaveChangesAsync(ct);
        return (await ResourceAccess.ResponseAsync(db, resource, ct))!;
    }

    private static async Task<Error?> CheckLocationAsync(Guid locationId, AppDb db, AccessScope scope, CancellationToken ct)
    {
        if (!await db.Locations.AnyAsync(l => l.Id == locationId, ct))
        {
            return new Invalid(nameof(ResourceInput.LocationId), "This location does not exist.");
        }
        return scope.CanManage(locationId) ? null : new Forbidden();
    }
}
