using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;

namespace Cotravail.Common.Auth;

/// ASVS 5.0 V6.2: 12 to 128 characters, no composition rules, any Unicode, not a common password,
/// not the name of the network or of a space. Pure functions; PasswordPolicy applies them to accounts.
internal static class PasswordRules
{
    public const int MinLength = 12;
    public const int MaxLength = 128;

    /// What a form accepts before the rules run: generous, since one character can take several UTF-16 units.
    public const int MaxInputLength = 1024;

    /// Names shorter than this are not looked for (a space called "Ô" would forbid every password with an "o").
    public const int MinContextWordLength = 4;

    private static readonly Lazy<FrozenSet<string>> Common = new(LoadCommon);

    /// Characters as a person counts them: text elements (an emoji or "é" in two code points is one).
    public static int Length(string password) => new StringInfo(password).LengthInTextElements;

    public static bool IsCommon(string password) => Common.Value.Contains(password);

    public static bool ContainsAny(string password, IEnumerable<string> words) =>
        words.Select(w => w.Trim())
            .Any(w => Length(w) >= MinContextWordLength && password.Contains(w, StringComparison.OrdinalIgnoreCase));

    public static int CommonCount => Common.Value.Count;

    // common-passwords.txt is Openwall's password.lst from Debian's john-data package (public domain):
    // lines starting with "#!comment:" are its header.
    private static FrozenSet<string> LoadCommon()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Cotravail.Common.Auth.common-passwords.txt")
            ?? throw new InvalidOperationException("common-passwords.txt is not embedded.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith("#!comment:", StringComparison.Ordinal))
            {
                set.Add(line);
            }
        }
        return set.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    }
}
