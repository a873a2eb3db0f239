namespace Cotravail.Modules.Locations.Photos;

/// What counts as a photo: the file's first bytes decide, never its name or declared type (ASVS V5.2).
internal static class PhotoRules
{
    public const long MaxBytes = 5 * 1024 * 1024;

    public const int MaxPerLocation = 20;

    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// image/jpeg, image/png or image/webp; null for anything else.
    public static string? ContentTypeOf(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith(Jpeg))
        {
            return "image/jpeg";
        }
        if (content.StartsWith(Png))
        {
            return "image/png";
        }
        // RIFF <size> WEBP
        if (content.Length >= 12 && content[..4].SequenceEqual("RIFF"u8) && content[8..12].SequenceEqual("WEBP"u8))
        {
            return "image/webp";
        }
        return null;
    }
}
