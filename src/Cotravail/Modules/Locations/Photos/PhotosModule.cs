using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Locations.Photos;

internal static class PhotosModule
{
    /// Room for a 5 MB photo and its multipart envelope; everything else keeps the 1 MB default.
    public const long UploadLimit = PhotoRules.MaxBytes + (512 * 1024);

    public static RouteGroupBuilder MapLocationPhotos(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/locations/{id:guid}/photos").WithTags("Locations");
        group.MapGet("/", async (Guid id, AppDb db, Access access, HttpContext http, CancellationToken ct) =>
            {
                var result = await ManagePhotos.ListAsync(id, db, await access.GetAsync(ct), ct);
                return result.IsOk ? TypedResults.Ok(result.Value) : ManagePhotos.ToProblem(result.Error, http);
            })
            .Produces<IReadOnlyList<PhotoResponse>>().ProducesProblem(404).WithSummary("A location's photos.");
        group.MapPost("/", async (Guid id, IFormFile? photo, AppDb db, Access access, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            {
                var result = await ManagePhotos.AddAsync(id, photo, db, await access.GetAsync(ct), clock, ct);
                return result.IsOk ? TypedResults.Created(result.Value.Url, result.Value) : ManagePhotos.ToProblem(result.Error, http);
            })
            // Bearer-only API: no cookie is ever sent, so there is nothing for a forged form to ride on.
            .DisableAntiforgery().Accepts<IFormFile>("multipart/form-data").WithMetadata(new RequestSizeLimitAttribute(UploadLimit))
            .Produces<PhotoResponse>(201).ProducesValidationProblem().ProducesProblem(403).ProducesProblem(404).ProducesProblem(413)
            .WithSummary("Add a photo (multipart field 'photo': JPEG, PNG or WebP up to 5 MB; managers of the location).")
            .RequireAuthorization(Policies.Manager);
        group.MapDelete("/{photoId:guid}", async (Guid id, Guid photoId, AppDb db, Access access, HttpContext http, CancellationToken ct) =>
            {
                var result = await ManagePhotos.DeleteAsync(id, photoId, db, await access.GetAsync(ct), ct);
                return result.IsOk ? TypedResults.NoContent() : ManagePhotos.ToProblem(result.Error, http);
            })
            .ProducesProblem(403).ProducesProblem(404).WithSummary("Remove a photo (managers of the location).")
            .RequireAuthorization(Policies.Manager);
        return api;
    }

    /// GET /locations/{slug}/photos/{id}: the image itself, for anyone, while the location is active.
    public static WebApplication MapLocationPhotoFiles(this WebApplication app)
    {
        app.MapGet("/locations/{slug}/photos/{photoId:guid}", async (string slug, Guid photoId, AppDb db, HttpContext http, CancellationToken ct) =>
            {
                var photo = await db.Set<LocationPhoto>().AsNoTracking()
                    .Where(p => p.Id == photoId && db.Set<Location>().Any(l => l.Id == p.LocationId && l.Slug == slug && l.IsActive))
                    .Select(p => new { p.ContentType, p.Content })
                    .FirstOrDefaultAsync(ct);
                if (photo is null)
                {
                    return Results.NotFound();
                }
                // A photo never changes under its id; nosniff comes with every answer (SecurityHeaders).
                http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
                http.Response.Headers.ContentDisposition = "inline";
                return Results.File(photo.Content, photo.ContentType);
            })
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }
}
