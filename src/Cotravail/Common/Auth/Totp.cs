using OtpNet;

namespace Cotravail.Common.Auth;

/// RFC 6238 time-based one-time codes as authenticator apps compute them: HMAC-SHA1, 30-second steps,
/// 6 digits, computed and compared (in fixed time) by Otp.NET (ADR 15). Pure functions; AuthenticatorCodes
/// adds the "each step once" rule in the database.
internal static class Totp
{
    public const int StepSeconds = 30;
    public const int Digits = 6;

    /// Steps accepted on each side of the current one, for phones whose clock drifts a little.
    public const int Drift = 1;

    public static long StepAt(DateTimeOffset instant) => instant.ToUnixTimeSeconds() / StepSeconds;

    public static string Code(byte[] key, long step) => Generator(key).ComputeTotp(StartOf(step));

    /// The step whose code this is, within the drift window around now; null when none matches.
    public static long? MatchStep(byte[] key, string? code, long currentStep)
    {
        code = Normalize(code);
        if (code.Length != Digits || !code.All(char.IsAsciiDigit))
        {
            return null;
        }
        return Generator(key).VerifyTotp(StartOf(currentStep), code, out var matched, new VerificationWindow(Drift, Drift)) ? matched : null;
    }

    /// "123 456" and "123-456" as typed from the app are "123456".
    public static string Normalize(string? code) =>
        new((code ?? "").Where(c => c is not (' ' or '-')).ToArray());

    /// The otpauth:// URI authenticator apps read from the QR code (Key Uri Format).
    public static string Uri(string issuer, string account, string base32Key) =>
        $"otpauth://totp/{System.Uri.EscapeDataString(issuer)}:{System.Uri.EscapeDataString(account)}" +
        $"?secret={base32Key}&issuer={System.Uri.EscapeDataString(issuer)}&digits={Digits}&period={StepSeconds}";

    private static OtpNet.Totp Generator(byte[] key) => new(key, StepSeconds, OtpHashMode.Sha1, Digits);

    private static DateTime StartOf(long step) => DateTimeOffset.FromUnixTimeSeconds(step * StepSeconds).UtcDateTime;
}

/// RFC 4648 base 32, the alphabet of authenticator keys, through Otp.NET; spaces, padding and lower case as
/// people copy keys are accepted.
internal static class Base32
{
    public static byte[] Decode(string text)
    {
        var clean = text.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        try
        {
            return clean.Length == 0 ? [] : Base32Encoding.ToBytes(clean);
        }
        catch (ArgumentException e)
        {
            throw new FormatException("Not a base 32 key.", e);
        }
    }

    public static string Encode(ReadOnlySpan<byte> data) => Base32Encoding.ToString(data.ToArray()).TrimEnd('=');
}
