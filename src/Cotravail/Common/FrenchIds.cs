namespace Cotravail.Common;

/// French company identifiers: SIREN (9 digits) and SIRET (14) carry a Luhn check digit;
/// the French VAT number is FR + a 2-digit key + the SIREN, key = (12 + 3 × (SIREN mod 97)) mod 97.
internal static class FrenchIds
{
    public static bool IsSiren(string? value) => value is { Length: 9 } && value.All(char.IsAsciiDigit) && Luhn(value);

    public static bool IsSiret(string? value) => value is { Length: 14 } && value.All(char.IsAsciiDigit) && Luhn(value);

    public static string VatNumber(string siren) => $"FR{(12 + 3 * (long.Parse(siren, System.Globalization.CultureInfo.InvariantCulture) % 97)) % 97:00}{siren}";

    /// Accepts French numbers with a correct key, and other EU formats by shape (two letters and 2-13 characters).
    public static bool IsVatNumber(string? value)
    {
        if (value is null || value.Length < 4 || value.Length > 15 || !char.IsAsciiLetterUpper(value[0]) || !char.IsAsciiLetterUpper(value[1]))
        {
            return false;
        }
        if (value.StartsWith("FR", StringComparison.Ordinal))
        {
            return value.Length == 13 && IsSiren(value[4..]) && value == VatNumber(value[4..]);
        }
        return value[2..].All(char.IsAsciiLetterOrDigit);
    }

    private static bool Luhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
