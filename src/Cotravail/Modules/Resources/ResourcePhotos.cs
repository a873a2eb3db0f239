using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Locations.Photos;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Resources;

/// A resource's photos: kept, checked and served as its location's are (ManagePhotos, PhotoRules), managed by
/// the managers of its location.
internal static class ResourcePhotos
{
    public static async Task<Result<List<PhotoResponse>>> ListAsync(Guid resourceId, AppDb db, AccessScope scope, CancellationToken ct)
    {
        var owner = await OwnerAsync(resourceId, db, scope, manage: false, ct);
        return owner.IsOk ? await ManagePhotos.ListOfAsync(db, owner.Value, ct) : owner.Error;
    }

    public static async Task<Result<PhotoResponse>> AddAsync(Guid resourceId, IFormFile? file, AppDb db, AccessScope scope, TimeProvider clock, CancellationToken ct)
    {
        var owner = await OwnerAsync(resourceId, db, scope, manage: true, ct);
        return owner.IsOk ? await ManagePhotos.StoreAsync(owner.Value, file, db, clock, ct) : owner.Error;
    }

    public static async Task<Result<Guid>> DeleteAsync(Guid resourceId, Guid photoId, AppDb db, AccessScope scope, CancellationToken ct)
    {
        var owner = await OwnerAsync(resourceId, db, scope, manage: true, ct);
        return owner.IsOk ? await ManagePhotos.RemoveAsync(owner.Value.LocationId, resourceId, photoId, db, ct) : owner.Error;
    }

    /// A resource moving to another location takes its photos along (they are served under the location's address).
    public static Task FollowAsync(AppDb db, Guid resourceId, Guid locationId, CancellationToken ct) =>
        db.Set<LocationPhoto>().Where(p => p.ResourceId == resourceId && p.LocationId != locationId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.LocationId, locationId), ct);

    private static async Task<Result<PhotoOwner>> OwnerAsync(Guid resourceId, AppDb db, AccessScope scope, bool manage, CancellationToken ct)
    {
        var resource = await db.Resources.VisibleTo(db, scope).Where(r => r.Id == resourceId)
            .Select(r => new { r.LocationId, Slug = db.Set<Location>().Where(l => l.Id == r.LocationId).Select(l => l.Slug).First() })
            .FirstOrDefaultAsync(ct);
        if (resource is null)
        {
            return new NotFound("Resource");
        }
        if (manage && !scope.CanManage(resource.LocationId))
        {
            return new Forbidden();
        }
        return new PhotoOwner(resource.LocationId, resource.Slug, resourceId);
    }

    public static RouteGroupBuilder MapResourcePhotos(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/resources/{id:guid}/photos").WithTags("Resources");
        group.MapGet("/", async (Guid id, AppDb db, Access access, HttpContext http, CancellationToken ct) =>
            {
                var result = await ListAsync(id, db, await access.GetAsync(ct), ct);
                return result.IsOk ? TypedResults.Ok(result.Value) : ManagePhotos.ToProblem(result.Error, http);
            })
            .Produces<IReadOnlyList<PhotoResponse>>().ProducesProblem(404).WithSummary("A resource's photos.");
        group.MapPost("/", async (Guid id, IFormFile? photo, AppDb db, Access access, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            {
                var result = await AddAsync(id, photo, db, await access.GetAsync(ct), clock, ct);
                return result.IsOk ? TypedResults.Created(result.Value.Url, result.Value) : ManagePhotos.ToProblem(result.Error, http);
            })
            // Bearer-only API: no cookie is ever sent, so there is nothing for a forged form to ride on.
            .DisableAntiforgery().Accepts<IFormFile>("multipart/form-data").WithMetadata(new RequestSizeLimitAttribute(PhotosModule.UploadLimit))
            .Produces<PhotoResponse>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(413)
            .WithSummary("Add a photo of a resource (multipart field 'photo': JPEG, PNG or WebP up to 5 MB; managers of its location).")
            .RequireAuthorization(Policies.Manager);
        group.MapDelete("/{photoId:guid}", async (Guid id, Guid photoId, AppDb db, Access access, HttpContext http, CancellationToken ct) =>
            {
                var result = await DeleteAsync(id, photoId, db, await access.GetAsync(ct), ct);
                return result.IsOk ? TypedResults.NoContent() : ManagePhotos.ToProblem(result.Error, http);
            })
            .ProducesProblem(403).ProducesProblem(404).WithSummary("Remove a photo of a resource (managers of its location).")
            .RequireAuthorization(Policies.Manager);
        return api;
    }
}
