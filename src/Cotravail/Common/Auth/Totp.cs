using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Cotravail.Common.Auth;

/// RFC 6238 time-based one-time codes as authenticator apps compute them: HMAC-SHA1, 30-second
/// steps, 6 digits. Pure functions; AuthenticatorCodes adds the "each step once" rule in the database.
internal static class Totp
{
    public const int StepSeconds = 30;
    public const int Digits = 6;

    /// Steps accepted on each side of the current one, for phones whose clock drifts a little.
    public const int Drift = 1;

    public static long StepAt(DateTimeOffset instant) => instant.ToUnixTimeSeconds() / StepSeconds;

    public static string Code(byte[] key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[20];
        HMACSHA1.HashData(key, counter, hash);
        var offset = hash[^1] & 0x0F;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash[offset..]) & 0x7FFFFFFF) % 1_000_000;
        return binary.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// The step whose code this is, within the drift window around now; null when none matches.
    public static long? MatchStep(byte[] key, string? code, long currentStep)
    {
        code = Normalize(code);
        if (code.Length != Digits)
        {
            return null;
        }
        long? matched = null;
        for (var step = currentStep - Drift; step <= currentStep + Drift; step++)
        {
            // Every candidate is compared in fixed time, and all of them are, so timing reveals nothing.
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Code(key, step)), Encoding.ASCII.GetBytes(code)))
            {
                matched ??= step;
            }
        }
        return matched;
    }

    /// "123 456" and "123-456" as typed from the app are "123456".
    public static string Normalize(string? code) =>
        new((code ?? "").Where(c => c is not (' ' or '-')).ToArray());

    /// The otpauth:// URI authenticator apps read from the QR code (Key Uri Format).
    public static string Uri(string issuer, string account, string base32Key) =>
        $"otpauth://totp/{System.Uri.EscapeDataString(issuer)}:{System.Uri.EscapeDataString(account)}" +
        $"?secret={base32Key}&issuer={System.Uri.EscapeDataString(issuer)}&digits={Digits}&period={StepSeconds}";
}

/// RFC 4648 base 32 (no padding), the alphabet of authenticator keys.
internal static class Base32
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static byte[] Decode(string text)
    {
        var clean = text.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        var bytes = new List<byte>(clean.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in clean)
        {
            var value = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (value < 0)
            {
                throw new FormatException($"'{c}' is not a base 32 character.");
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                bytes.Add((byte)(buffer >> bits));
                buffer &= (1 << bits) - 1;
            }
        }
        return [.. bytes];
    }

    public static string Encode(ReadOnlySpan<byte> data)
    {
        var text = new StringBuilder((data.Length * 8 + 4) / 5);
        int buffer = 0, bits = 0;
        foreach (var b in data)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                text.Append(Alphabet[(buffer >> bits) & 31]);
            }
            buffer &= (1 << bits) - 1;
        }
        if (bits > 0)
        {
            text.Append(Alphabet[(buffer << (5 - bits)) & 31]);
        }
        return text.ToString();
    }
}
