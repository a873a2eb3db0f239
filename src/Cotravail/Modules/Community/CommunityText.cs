using System.Globalization;

namespace Cotravail.Modules.Community;

/// English resource keys for the community's enums (the resource files translate them), and language names.
internal static class CommunityText
{
    public static string Of(Trade trade) => trade switch
    {
        Trade.Tech => "Tech and IT",
        Trade.Design => "Design and image",
        Trade.Marketing => "Marketing and communication",
        Trade.Writing => "Writing and languages",
        Trade.Legal => "Law",
        Trade.Finance => "Finance and accounting",
        Trade.Business => "Business and management",
        Trade.Training => "Training and coaching",
        Trade.Crafts => "Crafts and making",
        Trade.Care => "Health and wellbeing",
        _ => trade.ToString(),
    };

    /// "fr" → "Français", "de" → "Deutsch": each language in its own name, as language pickers show them (mark it
    /// with lang="code").
    public static string LanguageName(string code)
    {
        try
        {
            var culture = new CultureInfo(code);
            var name = culture.NativeName;
            return name.Length > 0 ? char.ToUpper(name[0], culture) + name[1..] : code;
        }
        catch (CultureNotFoundException)
        {
            return code;
        }
    }
}
