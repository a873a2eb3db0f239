using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Cotravail.Common.Localization;

namespace Cotravail.Tests.Common.Localization;

/// Every text the code shows is a key of both resource files: no screen is half-translated.
public sealed partial class ResourceFilesTests
{
    private static readonly ResourceManager Resources = new(typeof(SharedResource).FullName!, typeof(SharedResource).Assembly);

    [GeneratedRegex("""\b[Ll]\["((?:[^"\\]|\\.)*)"|Display\(Name = "((?:[^"\\]|\\.)*)"\)|new (?:Invalid|Conflict)\([^,]+, "((?:[^"\\]|\\.)*)"\)|new NotFound\("((?:[^"\\]|\\.)*)"\)|new TextField\("\w+", "((?:[^"\\]|\\.)*)"|Price\(nameof\([^)]*\), "((?:[^"\\]|\\.)*)"|Error\("((?:[^"\\]|\\.)*)"\)""")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("""=> "((?:[^"\\]|\\.)*)",""")]
    private static partial Regex EnumTextPattern();

    [GeneratedRegex("""public const string \w+ = "((?:[^"\\]|\\.)*)";""")]
    private static partial Regex MessagePattern();

    private static IEnumerable<string> KeysUsedInCode()
    {
        var source = Path.Combine(RepositoryRoot(), "src", "Cotravail");
        foreach (var file in Directory.EnumerateFiles(source, "*.*", SearchOption.AllDirectories)
                     .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                                 && !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal)
                                 && !f.Contains("/Demo/", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            var patterns = new List<Regex> { KeyPattern() };
            if (file.EndsWith("EnumText.cs", StringComparison.Ordinal))
            {
                patterns.Add(EnumTextPattern());
            }
            if (file.EndsWith("Messages.cs", StringComparison.Ordinal)) // Messages.cs and each module's <Area>Messages.cs
            {
                patterns.Add(MessagePattern());
            }
            foreach (Match match in patterns.SelectMany(p => p.Matches(text)))
            {
                yield return match.Groups.Values.Skip(1).First(g => g.Success).Value.Replace("\\\"", "\"", StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Every_key_used_in_the_code_has_an_english_and_a_french_text()
    {
        var keys = KeysUsedInCode().Distinct().ToList();
        keys.Count.ShouldBeGreaterThan(150);
        var missingEnglish = keys.Where(k => Resources.GetString(k, CultureInfo.InvariantCulture) is null).ToList();
        var missingFrench = keys.Where(k => Resources.GetResourceSet(new CultureInfo("fr"), true, false)!.GetString(k) is null).ToList();
        missingEnglish.ShouldBeEmpty("add them to tools/fr.tsv (or tools/fr-<area>.tsv) and run python3 tools/resx.py");
        missingFrench.ShouldBeEmpty("add them to tools/fr.tsv (or tools/fr-<area>.tsv) and run python3 tools/resx.py");
    }

    [Fact]
    public void French_texts_keep_the_placeholders_of_their_key()
    {
        var french = Resources.GetResourceSet(new CultureInfo("fr"), true, false)!;
        foreach (System.Collections.DictionaryEntry entry in french)
        {
            var key = (string)entry.Key;
            var placeholders = PlaceholderPattern().Matches(key).Select(m => m.Value).Order().ToList();
            PlaceholderPattern().Matches((string)entry.Value!).Select(m => m.Value).Order().ToList().ShouldBe(placeholders, key);
        }
    }

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex PlaceholderPattern();

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Cotravail.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Cotravail.slnx not found above " + AppContext.BaseDirectory);
    }
}
