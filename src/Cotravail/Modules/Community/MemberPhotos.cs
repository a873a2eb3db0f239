using System.Buffers.Binary;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Modules.Locations.Photos;
using Cotravail.Modules.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Community;

internal sealed record MemberPhotoResponse(string Url, string ContentType, int SizeBytes, int Width, int Height, DateTime CreatedAt);

/// PUT/DELETE /api/v1/me/community-profile/photo and the photo form of /community/profile: a member's own photo,
/// checked like locations' photos (PhotoRules: the bytes decide the type; 5 MB at most) and by its size in pixels.
/// GET /community/members/{id}/photo serves it only to viewers the member's Photo choice reaches, else 404.
internal static class MemberPhotos
{
    public const string Field = "Photo";
    public const int MinSide = 64;
    public const int MaxSide = 6000;

    public static string UrlOf(Guid memberId, Guid photoId) => $"/community/members/{memberId}/photo?v={photoId:N}";

    public static async Task<Result<MemberPhotoResponse>> SaveAsync(AccessScope scope, IFormFile? file, AppDb db, TimeProvider clock, CancellationToken ct)
    {
        if (scope.MemberId is not { } memberId)
        {
            return new NotFound("Member");
        }
        if (file is null || file.Length == 0)
        {
            return new Invalid(Field, "Choose a JPEG, PNG or WebP photo.");
        }
        if (file.Length > PhotoRules.MaxBytes)
        {
            return new ManagePhotos.TooLarge();
        }
        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, ct);
        }
        if (PhotoRules.ContentTypeOf(content) is not { } contentType || SizeOf(content) is not var (width, height))
        {
            return new Invalid(Field, "Choose a JPEG, PNG or WebP photo.");
        }
        if (width < MinSide || height < MinSide || width > MaxSide || height > MaxSide)
        {
            return new Invalid(Field, "A photo is 64 to 6000 pixels wide and high.");
        }
        var photo = new MemberPhoto(memberId, contentType, content, width, height, clock.GetUtcNow().UtcDateTime);
        using (await SqliteWriteGate.EnterAsync(db, ct))
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await db.MemberPhotos.Where(p => p.MemberId == memberId).ExecuteDeleteAsync(ct);
            db.MemberPhotos.Add(photo);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        return Response(photo);
    }

    public static async Task<Result<bool>> DeleteAsync(AccessScope scope, AppDb db, CancellationToken ct)
    {
        if (scope.MemberId is not { } memberId)
        {
            return new NotFound("Member");
        }
        await db.MemberPhotos.Where(p => p.MemberId == memberId).ExecuteDeleteAsync(ct);
        return true;
    }

    public static async Task<MemberPhotoResponse?> OfAsync(Guid memberId, AppDb db, CancellationToken ct)
    {
        var photo = await db.MemberPhotos.AsNoTracking().Where(p => p.MemberId == memberId)
            .Select(p => new { p.Id, p.ContentType, p.SizeBytes, p.Width, p.Height, p.CreatedAt }).FirstOrDefaultAsync(ct);
        return photo is null ? null : new MemberPhotoResponse(UrlOf(memberId, photo.Id), photo.ContentType, photo.SizeBytes, photo.Width, photo.Height, photo.CreatedAt);
    }

    private static MemberPhotoResponse Response(MemberPhoto p) =>
        new(UrlOf(p.MemberId, p.Id), p.ContentType, p.SizeBytes, p.Width, p.Height, p.CreatedAt);

    /// Those whose photo the viewer may see.
    public static IQueryable<Listed> PhotoVisible(this IQueryable<Listed> listed, CommunityViewer viewer)
    {
        var here = viewer.Here.ToList();
        var all = viewer.AllHere;
        return listed.Where(x => (x.Privacy.Listing == Audience.Network && x.Privacy.Photo == Audience.Network)
            || (x.Privacy.Photo != Audience.Nobody && (all || here.Contains(x.Member.HomeLocationId))));
    }

    /// The image, to its member and to viewers their Photo choice reaches; 404 for anyone else (as if there were none).
    public static async Task<IResult> ServeAsync(Guid memberId, AccessScope scope, AppDb db, HttpContext http, CancellationToken ct)
    {
        var viewer = await CommunityViewer.LoadAsync(scope, db, ct);
        var allowed = viewer.MemberId == memberId
            || (viewer.CanBrowse && await db.ListedFor(viewer).PhotoVisible(viewer).AnyAsync(x => x.Member.Id == memberId, ct));
        var photo = allowed
            ? await db.MemberPhotos.AsNoTracking().Where(p => p.MemberId == memberId).Select(p => new { p.ContentType, p.Content }).FirstOrDefaultAsync(ct)
            : null;
        if (photo is null)
        {
            return Results.NotFound();
        }
        // Shown to some people only: kept by the viewer's browser alone, and briefly (a choice may narrow).
        http.Response.Headers.CacheControl = "private, max-age=300";
        http.Response.Headers.ContentDisposition = "inline";
        return Results.File(photo.Content, photo.ContentType);
    }

    /// Width and height from the file's header (PNG IHDR, JPEG SOFn, WebP VP8/VP8L/VP8X); null when unreadable.
    public static (int Width, int Height)? SizeOf(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 24 && b[0] == 0x89 && b[12..16].SequenceEqual("IHDR"u8))
        {
            return Checked(BinaryPrimitives.ReadInt32BigEndian(b[16..]), BinaryPrimitives.ReadInt32BigEndian(b[20..]));
        }
        if (b.Length >= 4 && b[0] == 0xFF && b[1] == 0xD8)
        {
            var i = 2;
            while (i + 9 < b.Length)
            {
                if (b[i] != 0xFF)
                {
                    return null;
                }
                var marker = b[i + 1];
                if (marker == 0xFF)
                {
                    i++;
                    continue;
                }
                var length = BinaryPrimitives.ReadUInt16BigEndian(b[(i + 2)..]);
                // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame's size.
                if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
                {
                    return Checked(BinaryPrimitives.ReadUInt16BigEndian(b[(i + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(b[(i + 5)..]));
                }
                if (length < 2)
                {
                    return null;
                }
                i += 2 + length;
            }
            return null;
        }
        if (b.Length >= 30 && b[..4].SequenceEqual("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8))
        {
            var chunk = b[12..16];
            if (chunk.SequenceEqual("VP8 "u8))
            {
                return Checked(BinaryPrimitives.ReadUInt16LittleEndian(b[26..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(b[28..]) & 0x3FFF);
            }
            if (chunk.SequenceEqual("VP8L"u8) && b[20] == 0x2F)
            {
                var bits = BinaryPrimitives.ReadUInt32LittleEndian(b[21..]);
                return Checked((int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
            }
            if (chunk.SequenceEqual("VP8X"u8))
            {
                return Checked(1 + (b[24] | (b[25] << 8) | (b[26] << 16)), 1 + (b[27] | (b[28] << 8) | (b[29] << 16)));
            }
        }
        return null;
    }

    private static (int, int)? Checked(int width, int height) => width > 0 && height > 0 ? (width, height) : null;
}
