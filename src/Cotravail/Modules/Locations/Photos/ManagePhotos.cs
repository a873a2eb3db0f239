using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Locations.Photos;

internal sealed record PhotoResponse(Guid Id, string Url, string ContentType, int SizeBytes, DateTime CreatedAt);

/// Managers of a location (and network admins) add and remove its photos; the public page shows them.
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

    public static async Task<List<PhotoResponse>> ListOfAsync(AppDb db, Guid locationId, string slug, CancellationToken ct)
    {
        var photos = await db.Set<LocationPhoto>().Where(p => p.LocationId == locationId).OrderBy(p => p.CreatedAt)
            .Select(p => new { p.Id, p.ContentType, p.SizeBytes, p.CreatedAt }).ToListAsync(ct);
        return [.. photos.Select(p => new PhotoResponse(p.Id, UrlOf(slug, p.Id), p.ContentType, p.SizeBytes, p.CreatedAt))];
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
        if (file is null || file.Length == 0)
        {
            return new Invalid(Field, "Choose a JPEG, PNG or WebP photo.");
        }
        if (file.Length > PhotoRules.MaxBytes)
        {
            return new TooLarge();
        }
        if (await db.Set<LocationPhoto>().CountAsync(p => p.LocationId == locationId, ct) >= PhotoRules.MaxPerLocation)
        {
            return new Invalid(Field, "A location has at most 20 photos.");
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
        var photo = new LocationPhoto(locationId, contentType, content, clock.GetUtcNow().UtcDateTime);
        db.Add(photo);
        await db.SaveChangesAsync(ct);
        return new PhotoResponse(photo.Id, UrlOf(location.Slug, photo.Id), contentType, photo.SizeBytes, photo.CreatedAt);
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
        var deleted = await db.Set<LocationPhoto>().Where(p => p.Id == photoId && p.LocationId == locationId).ExecuteDeleteAsync(ct);
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
