using System.Buffers.Binary;
using System.IO.Compression;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Locations.Photos;
using Cotravail.Modules.Resources;

namespace Cotravail.Modules.Demo;

/// Demo photos drawn at seeding time (no image files in the repository): a soft two-colour gradient per
/// location and per kind of room, a few kilobytes of PNG each, stored like any uploaded photo.
internal sealed partial class DemoSeeder
{
    private const int PhotoWidth = 320;
    private const int PhotoHeight = 180;

    /// The kinds whose demo resources get a photo (desks and equipment show the placeholder).
    private static readonly ResourceKind[] PhotographedKinds = [ResourceKind.HotDeskZone, ResourceKind.MeetingRoom, ResourceKind.PrivateOffice];

    private static IEnumerable<LocationPhoto> DemoPhotos(IEnumerable<Location> locations, IEnumerable<Resource> resources, DateTime now)
    {
        (byte R, byte G, byte B)[] tones = [(0x2f, 0x6f, 0x8f), (0x8f, 0x5a, 0x2f), (0x4f, 0x7f, 0x3f)];
        var i = 0;
        foreach (var location in locations)
        {
            var tone = tones[i++ % tones.Length];
            yield return new LocationPhoto(location.Id, null, "image/png", Gradient(tone, (0xf4, 0xf1, 0xea)), now);
        }
        foreach (var resource in resources.Where(r => PhotographedKinds.Contains(r.Kind)))
        {
            var tone = tones[(int)resource.Kind % tones.Length];
            yield return new LocationPhoto(resource.LocationId, resource.Id, "image/png", Gradient((0xe8, 0xe4, 0xdc), tone), now);
        }
    }

    /// A PNG (8-bit RGB, no interlace) fading from top to bottom: rows of one colour compress to almost nothing.
    private static byte[] Gradient((byte R, byte G, byte B) top, (byte R, byte G, byte B) bottom, int width = PhotoWidth, int height = PhotoHeight)
    {
        var raw = new byte[height * (1 + (width * 3))];
        for (var y = 0; y < height; y++)
        {
            var row = y * (1 + (width * 3)); // filter byte 0: none
            byte Mix(byte a, byte b) => (byte)(a + ((b - a) * y / (height - 1)));
            var (r, g, b) = (Mix(top.R, bottom.R), Mix(top.G, bottom.G), Mix(top.B, bottom.B));
            for (var x = 0; x < width; x++)
            {
                (raw[row + 1 + (x * 3)], raw[row + 2 + (x * 3)], raw[row + 3 + (x * 3)]) = (r, g, b);
            }
        }
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        (header[8], header[9]) = (8, 2); // 8 bits, RGB
        Chunk(png, "IHDR"u8, header);
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                zlib.Write(raw);
            }
            Chunk(png, "IDAT"u8, compressed.ToArray());
        }
        Chunk(png, "IEND"u8, []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        png.Write(type);
        png.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32([.. type, .. data]));
        png.Write(number);
    }

    /// The CRC of PNG chunks (ISO 3309), bit by bit: a few chunks at seeding time.
    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }
        return ~crc;
    }
}
