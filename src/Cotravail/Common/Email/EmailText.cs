using System.Globalization;
using System.Text;
using Cotravail.Common.Web;

namespace Cotravail.Common.Email;

/// The one rule for an email address typed anywhere (forms, API, sign-in, CLI): trimmed and in NFC,
/// no invisible or space characters, dots only between characters, an ASCII or IDN domain, and no
/// look-alikes made by mixing alphabets. Problem returns one of EmailMessages ({0} is the field's name).
internal static class EmailText
{
    private const string LocalSymbols = "!#$%&'*+/=?^_`{|}~-.";

    public static string Normalize(string email) => InputText.Normalize(email.Trim());

    /// How the members, invitations and join requests tables store and compare an address.
    public static string Canonical(string email) => Normalize(email).ToLowerInvariant();

    public static bool IsValid(string email) => Problem(email) is null;

    public static string? Problem(string email)
    {
        var text = Normalize(email);
        if (text.EnumerateRunes().Any(IsInvisible))
        {
            return EmailMessages.Invisible;
        }
        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at == text.Length - 1 || text.IndexOf('@', at + 1) >= 0)
        {
            return EmailMessages.NotAnEmail;
        }
        var (local, domain) = (text[..at], text[(at + 1)..]);
        if (HasMisplacedDot(local) || HasMisplacedDot(domain))
        {
            return EmailMessages.MisplacedDot;
        }
        if (local.Length > 64 || !local.EnumerateRunes().All(r => r.IsAscii ? Rune.IsLetterOrDigit(r) || LocalSymbols.Contains((char)r.Value) : IsWordRune(r)))
        {
            return EmailMessages.NotAnEmail;
        }
        if (ToUnicodeDomain(domain) is not { } labels)
        {
            return EmailMessages.NotAnEmail;
        }
        // Look-alike rule: the local part and each domain label are written in one script (Latin may join Han, Kana, Hangul or Bopomofo: UTS #39 "highly restrictive").
        // Fullwidth, mathematical or ligature letters (ａ, 𝐚, ﬁ) have a plainer twin: a look-alike.
        if (text.Normalize(NormalizationForm.FormKC) != text || !UnicodeScripts.AreCompatible(local) || !labels.All(UnicodeScripts.AreCompatible))
        {
            return EmailMessages.MixedScripts;
        }
        return null;
    }

    private static bool HasMisplacedDot(string part) =>
        part.StartsWith('.') || part.EndsWith('.') || part.Contains("..", StringComparison.Ordinal);

    private static bool IsInvisible(Rune r) => Rune.IsWhiteSpace(r) || Rune.GetUnicodeCategory(r) is
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator
        or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned;

    private static bool IsWordRune(Rune r) => Rune.GetUnicodeCategory(r) is
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
        or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.NonSpacingMark
        or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.DecimalDigitNumber;

    /// The domain's labels in Unicode (punycode labels decoded, so "xn--" cannot hide a mix), or null
    /// when it is not a host name with a dot and a top-level label holding a letter.
    private static string[]? ToUnicodeDomain(string domain)
    {
        try
        {
            var idn = new IdnMapping { UseStd3AsciiRules = true };
            var ascii = idn.GetAscii(domain);
            var labels = ascii.Split('.');
            if (ascii.Length > 253 || labels.Length < 2 || !labels[^1].Any(char.IsAsciiLetter))
            {
                return null;
            }
            return idn.GetUnicode(ascii).Split('.');
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
