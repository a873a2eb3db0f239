using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Locations.Photos;

internal sealed record PhotoResponse(Guid Id, string Url, string ContentType, int SizeBytes, DateTime CreatedAt);

/// Whose photo: a location's (ResourceId null) or one of its resources'; Slug is the location's, in the photo's address.
internal sealed record PhotoOwner(Guid LocationId, string Slug, Guid? ResourceId);

/// The first photo's address of each location and resource that has one.
internal sealed record CardPhotos(IReadOnlyDictionary<Guid, string> Locations, IReadOnlyDictionary<Guid, string> Resources)
{
    public static readonly CardPhotos None = new(new Dictionary<Guid, string>(), new Dictionary<Guid, string>());

    public string? Of(Guid locationId) => Locations.GetValueOrDefault(locationId);

    public string? OfResource(Guid resourceId) => Resources.GetValueOrDefault(resourceId);
}

/// Managers of a location (and network admins) add and remove its photos and its resources' (ResourcePhotos); the public pages show them.
internal static class ManagePhotos
{
    public const string Field = "Photo";

    /// Too large for MaxBytes: the caller answers 413.
    internal sealed record TooLarge() : Error("The photo is larger than 5 MB.");

    public static async Task<Result<List<PhotoResponse>>> ListAsync(Guid locationId, AppDb db, AccessScope scope, CancellationToken ct)
    {
        var location = await db.Locations.VisibleTo(scope).Where(l => l.Id == locationId).Select(l => new { l.Slug }).FirstOrDefaultAsync(ct);
        if (location is null)
        {
            return new NotFound("Location");
        }
        return await ListOfAsync(db, locationId, location.Slug, ct);
    }

    /// The location's own photos (not its resources').
    public static Task<List<PhotoResponse>> ListOfAsync(AppDb db, Guid locationId, string slug, CancellationToken ct) =>
        ListOfAsync(db, new PhotoOwner(locationId, slug, null), ct);

    public static async Task<List<PhotoResponse>> ListOfAsync(AppDb db, PhotoOwner owner, CancellationToken ct)
    {
        var photos = await db.Set<LocationPhoto>().Where(p => p.LocationId == owner.LocationId && p.ResourceId == owner.ResourceId).OrderBy(p => p.CreatedAt)
            .Select(p => new { p.Id, p.ContentType, p.SizeBytes, p.CreatedAt }).ToListAsync(ct);
        return [.. photos.Select(p => new PhotoResponse(p.Id, UrlOf(owner.Slug, p.Id), p.ContentType, p.SizeBytes, p.CreatedAt))];
    }

    /// The first photo's address of each location (its own photos) and of each resource, for cards and search results.
    public static async Task<CardPhotos> FirstOfAsync(AppDb db, IReadOnlyCollection<Guid> locationIds, CancellationToken ct)
    {
        var photos = await db.Set<LocationPhoto>().Where(p => locationIds.Contains(p.LocationId)).OrderBy(p => p.CreatedAt)
            .Select(p => new { p.Id, p.LocationId, p.ResourceId, Slug = db.Set<Location>().Where(l => l.Id == p.LocationId).Select(l => l.Slug).First() })
            .ToListAsync(ct);
        var locations = new Dictionary<Guid, string>();
        var resources = new Dictionary<Guid, string>();
        foreach (var p in photos)
        {
            (p.ResourceId is { } resourceId ? resources : locations).TryAdd(p.ResourceId ?? p.LocationId, UrlOf(p.Slug, p.Id));
        }
        return new CardPhotos(locations, resources);
    }

    public static string UrlOf(string slug, Guid photoId) => $"/locations/{slug}/photos/{photoId}";

    public static async Task<Result<PhotoResponse>> AddAsync(Guid locationId, IFormFile? file, AppDb db, AccessScope scope, TimeProvider clock, CancellationToken ct)
    {
        var location = await db.Locations.VisibleTo(scope).Where(l => l.Id == locationId).Select(l => new { l.Slug }).FirstOrDefaultAsync(ct);
        if (location is null)
        {
            return new NotFound("Location");
        }
        if (!scope.CanManage(locationId))
        {
            return new Forbidden();
        }
        return await StoreAsync(new PhotoOwner(locationId, location.Slug, null), file, db, clock, ct);
    }

    /// Keeps the file as a photo of its owner (a location, or a resource of it) once the caller checked who may.
    public static async Task<Result<PhotoResponse>> StoreAsync(PhotoOwner owner, IFormFile? file, AppDb db, TimeProvider clock, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            return new Invalid(Field, "Choose a JPEG, PNG or WebP photo.");
        }
        if (file.Length > PhotoRules.MaxBytes)
        {
            return new TooLarge();
        }
        if (await db.Set<LocationPhoto>().CountAsync(p => p.LocationId == owner.LocationId && p.ResourceId == owner.ResourceId, ct) >= PhotoRules.MaxPerLocation)
        {
            return new Invalid(Field, owner.ResourceId is null ? "A location has at most 20 photos." : "A resource has at most 20 photos.");
        }
        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, ct);
        }
        if (PhotoRules.ContentTypeOf(content) is not { } contentType)
        {
            return new Invalid(Field, "Choose a JPEG, PNG or WebP photo.");
        }
        var photo = new LocationPhoto(owner.LocationId, owner.ResourceId, contentType, content, clock.GetUtcNow().UtcDateTime);
        db.Add(photo);
        await db.SaveChangesAsync(ct);
        return new PhotoResponse(photo.Id, UrlOf(owner.Slug, photo.Id), contentType, photo.SizeBytes, photo.CreatedAt);
    }

    public static async Task<Result<Guid>> DeleteAsync(Guid locationId, Guid photoId, AppDb db, AccessScope scope, CancellationToken ct)
    {
        if (!await db.Locations.VisibleTo(scope).AnyAsync(l => l.Id == locationId, ct))
        {
            return new NotFound("Location");
        }
        if (!scope.CanManage(locationId))
        {
            return new Forbidden();
        }
        return await RemoveAsync(locationId, null, photoId, db, ct);
    }

    /// Removes a photo of the location itself (resourceId null) or of that resource, once the caller checked who may.
    public static async Task<Result<Guid>> RemoveAsync(Guid locationId, Guid? resourceId, Guid photoId, AppDb db, CancellationToken ct)
    {
        var deleted = await db.Set<LocationPhoto>().Where(p => p.Id == photoId && p.LocationId == locationId && p.ResourceId == resourceId).ExecuteDeleteAsync(ct);
        return deleted == 0 ? new NotFound("Photo") : photoId;
    }

    /// The 413 of a photo over the limit, naming the field like a 400 does.
    public static IResult ToProblem(Error error, HttpContext http) => error is TooLarge
        ? TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: Localized(http, "The request is too large."),
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [ErrorMapping.JsonName(Field)] = [Localized(http, error.Message)] } })
        : error.ToProblem(http);

    private static string Localized(HttpContext http, string key) =>
        http.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Common.Localization.SharedResource>>()[key];
}

/// What the photo manager partial (Photos/_PhotoManager.cshtml) shows: the photos and whose they are.
internal sealed record PhotoManager(IReadOnlyList<PhotoResponse> Photos, string Name);

/// What a card shows on top (Photos/_CardPhoto.cshtml): the photo of what it is named after, or a placeholder.
internal sealed record CardPhoto(string? Url, string Name);
