using System.Reflection;
using System.Text;
using System.Text.Unicode;

namespace Cotravail.Common.Email;

/// The script of a letter, told by its Unicode block (System.Text.Unicode.UnicodeRanges names every block
/// of the basic plane; "LatinExtendedA" and "Latin1Supplement" are Latin, "CyrillicSupplement" Cyrillic…).
internal static class UnicodeScripts
{
    private static readonly (int First, int Last, string Script)[] Blocks = [.. typeof(UnicodeRanges)
        .GetProperties(BindingFlags.Public | BindingFlags.Static)
        .Where(p => p.PropertyType == typeof(UnicodeRange) && p.Name is not ("All" or "None"))
        .Select(p => (Range: (UnicodeRange)p.GetValue(null)!, p.Name))
        .Select(b => (b.Range.FirstCodePoint, b.Range.FirstCodePoint + b.Range.Length - 1, ScriptOf(b.Name)))
        .OrderBy(b => b.FirstCodePoint)];

    // Mixes UTS #39 "highly restrictive" allows: Latin with the scripts written alongside Han.
    private static readonly string[][] AllowedMixes = [["Latin", "Han", "Hiragana", "Katakana"], ["Latin", "Han", "Bopomofo"], ["Latin", "Han", "Hangul"]];

    /// One script, or one of the allowed mixes; digits, marks and symbols belong to none.
    public static bool AreCompatible(string text)
    {
        var scripts = text.EnumerateRunes().Where(Rune.IsLetter).Select(Of).Distinct().ToList();
        return scripts.Count <= 1 || AllowedMixes.Any(mix => scripts.All(mix.Contains));
    }

    public static string Of(Rune letter)
    {
        var code = letter.Value;
        if (code > 0xFFFF)
        {
            return code is >= 0x20000 and <= 0x3FFFF ? "Han" : $"U+{code >> 7:X}";
        }
        var (low, high) = (0, Blocks.Length - 1);
        while (low <= high)
        {
            var mid = (low + high) / 2;
            if (code < Blocks[mid].First)
            {
                high = mid - 1;
            }
            else if (code > Blocks[mid].Last)
            {
                low = mid + 1;
            }
            else
            {
                return Blocks[mid].Script;
            }
        }
        return "Unknown";
    }

    /// The block name's first word is its script, but for the few blocks named otherwise.
    private static string ScriptOf(string block) => block switch
    {
        "BasicLatin" or "Latin1Supplement" or "IpaExtensions" or "PhoneticExtensions" or "PhoneticExtensionsSupplement" => "Latin",
        "GreekandCoptic" => "Greek",
        _ when block.StartsWith("Cjk", StringComparison.Ordinal) => "Han",
        _ => new string([block[0], .. block.Skip(1).TakeWhile(c => !char.IsUpper(c) && !char.IsDigit(c))]),
    };
}
