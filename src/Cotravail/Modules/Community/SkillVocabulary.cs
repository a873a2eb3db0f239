using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Cotravail.Modules.Community;

/// The broad trades a skill belongs to, for the directory's filter.
internal enum Trade
{
    Tech,
    Design,
    Marketing,
    Writing,
    Legal,
    Finance,
    Business,
    Training,
    Crafts,
    Care,
}

/// One skill of the shared vocabulary: a stable slug (what is stored), its names in both languages, and the
/// synonyms people type ("dev", "programmeur"), all found by the folded search.
internal sealed record Skill(string Slug, Trade Trade, string En, string Fr, params string[] Synonyms)
{
    public string Name(CultureInfo culture) => culture.TwoLetterISOLanguageName == "fr" ? Fr : En;

    /// Every folded name and synonym, for matching.
    public IReadOnlyList<string> Terms { get; } = [.. new[] { En, Fr, Slug.Replace('-', ' ') }.Concat(Synonyms).Select(SkillVocabulary.Fold).Distinct()];
}

/// The network's shared skills vocabulary, in code so both engines and every instance read the same list (ADR 26).
/// A member's free tags cover what it lacks.
internal static class SkillVocabulary
{
    public static readonly IReadOnlyList<Skill> All =
    [
        new("software-development", Trade.Tech, "Software development", "Développement logiciel", "developer", "développeur", "développeuse", "dev", "programmer", "programmeur", "coder", "software engineer"),
        new("web-development", Trade.Tech, "Web development", "Développement web", "web developer", "développeur web", "front-end", "back-end", "full stack", "site web", "website"),
        new("mobile-apps", Trade.Tech, "Mobile apps", "Applications mobiles", "ios", "android", "mobile developer", "développeur mobile"),
        new("data-analysis", Trade.Tech, "Data analysis", "Analyse de données", "data analyst", "data scientist", "statistics", "statistiques", "bi"),
        new("ai-machine-learning", Trade.Tech, "AI and machine learning", "IA et apprentissage automatique", "ai", "ia", "machine learning", "intelligence artificielle", "llm"),
        new("it-support", Trade.Tech, "IT support", "Support informatique", "informatique", "helpdesk", "dépannage", "sysadmin", "network administrator", "administrateur réseau"),
        new("cybersecurity", Trade.Tech, "Cybersecurity", "Cybersécurité", "security", "sécurité", "pentest", "rgpd technique"),
        new("devops-cloud", Trade.Tech, "DevOps and cloud", "DevOps et cloud", "cloud", "infrastructure", "linux", "kubernetes"),
        new("no-code", Trade.Tech, "No-code tools", "Outils no-code", "nocode", "automation", "automatisation", "airtable", "zapier"),
        new("graphic-design", Trade.Design, "Graphic design", "Graphisme", "graphic designer", "graphiste", "designer graphique", "print", "identité visuelle", "branding"),
        new("ux-ui-design", Trade.Design, "UX and UI design", "Design UX et UI", "ux", "ui", "ux designer", "user experience", "expérience utilisateur", "ergonomie", "webdesign"),
        new("illustration", Trade.Design, "Illustration", "Illustration", "illustrator", "illustrateur", "illustratrice", "dessin", "drawing"),
        new("photography", Trade.Design, "Photography", "Photographie", "photographer", "photographe", "photo"),
        new("video", Trade.Design, "Video production", "Production vidéo", "videographer", "vidéaste", "montage", "video editing", "motion design"),
        new("architecture", Trade.Design, "Architecture", "Architecture", "architect", "architecte", "interior design", "architecture d'intérieur"),
        new("marketing-strategy", Trade.Marketing, "Marketing strategy", "Stratégie marketing", "marketing", "marketeur", "go to market"),
        new("digital-marketing", Trade.Marketing, "Digital marketing", "Marketing digital", "webmarketing", "growth", "growth hacking", "emailing", "ads", "publicité en ligne"),
        new("seo", Trade.Marketing, "SEO", "Référencement", "search engine optimisation", "référencement naturel", "sea"),
        new("social-media", Trade.Marketing, "Social media", "Réseaux sociaux", "community manager", "community management", "linkedin", "instagram"),
        new("public-relations", Trade.Marketing, "Public relations", "Relations presse", "pr", "attaché de presse", "press relations", "communication"),
        new("event-organisation", Trade.Marketing, "Event organisation", "Organisation d'événements", "events", "événementiel", "event planner"),
        new("copywriting", Trade.Writing, "Copywriting", "Rédaction", "copywriter", "rédacteur", "rédactrice", "content writing", "contenu", "storytelling"),
        new("translation", Trade.Writing, "Translation", "Traduction", "translator", "traducteur", "traductrice", "interpreter", "interprète"),
        new("journalism", Trade.Writing, "Journalism", "Journalisme", "journalist", "journaliste", "pigiste"),
        new("proofreading", Trade.Writing, "Proofreading", "Relecture et correction", "proofreader", "correcteur", "correctrice", "relecture"),
        new("business-law", Trade.Legal, "Business law", "Droit des affaires", "lawyer", "avocat", "avocate", "juriste", "legal", "droit", "contrats", "contracts"),
        new("intellectual-property", Trade.Legal, "Intellectual property", "Propriété intellectuelle", "ip", "trademark", "marques", "brevets", "patents", "droit d'auteur", "copyright"),
        new("gdpr", Trade.Legal, "Data protection (GDPR)", "Protection des données (RGPD)", "rgpd", "privacy", "dpo", "données personnelles"),
        new("employment-law", Trade.Legal, "Employment law", "Droit du travail", "labour law", "ressources humaines juridique"),
        new("accounting", Trade.Finance, "Accounting", "Comptabilité", "accountant", "comptable", "expert-comptable", "bookkeeping", "tenue de comptes"),
        new("tax", Trade.Finance, "Tax advice", "Fiscalité", "tax adviser", "fiscaliste", "impôts", "tva", "vat"),
        new("fundraising", Trade.Finance, "Fundraising", "Levée de fonds", "investors", "investisseurs", "business angels", "financement", "crowdfunding"),
        new("financial-planning", Trade.Finance, "Financial planning", "Gestion financière", "cfo", "daf", "budget", "trésorerie", "cash flow"),
        new("grants", Trade.Finance, "Grants and public funding", "Subventions et aides publiques", "subventions", "bpi", "appels à projets", "calls for projects"),
        new("business-strategy", Trade.Business, "Business strategy", "Stratégie d'entreprise", "strategy", "stratégie", "consultant", "conseil", "business plan"),
        new("project-management", Trade.Business, "Project management", "Gestion de projet", "project manager", "chef de projet", "cheffe de projet", "agile", "scrum", "pmo"),
        new("sales", Trade.Business, "Sales", "Vente", "commercial", "business developer", "développement commercial", "prospection", "négociation"),
        new("human-resources", Trade.Business, "Human resources", "Ressources humaines", "hr", "rh", "recrutement", "recruitment", "recruteur"),
        new("entrepreneurship", Trade.Business, "Entrepreneurship", "Entrepreneuriat", "founder", "fondateur", "fondatrice", "startup", "création d'entreprise"),
        new("public-tenders", Trade.Business, "Public tenders", "Marchés publics", "appels d'offres", "tenders", "calls for tenders"),
        new("social-economy", Trade.Business, "Social and solidarity economy", "Économie sociale et solidaire", "ess", "association", "coopérative", "scic", "impact"),
        new("training", Trade.Training, "Training", "Formation", "trainer", "formateur", "formatrice", "teaching", "enseignement", "e-learning"),
        new("coaching", Trade.Training, "Coaching", "Coaching", "coach", "mentoring", "mentorat", "accompagnement"),
        new("facilitation", Trade.Training, "Facilitation", "Facilitation", "facilitator", "facilitateur", "workshops", "ateliers", "intelligence collective"),
        new("languages-teaching", Trade.Training, "Language teaching", "Enseignement des langues", "english teacher", "professeur d'anglais", "fle", "cours de langue"),
        new("woodworking", Trade.Crafts, "Woodworking", "Menuiserie", "carpenter", "menuisier", "ébéniste", "bois"),
        new("digital-fabrication", Trade.Crafts, "Digital fabrication", "Fabrication numérique", "3d printing", "impression 3d", "laser cutting", "découpe laser", "fablab", "maker"),
        new("electronics", Trade.Crafts, "Electronics", "Électronique", "arduino", "raspberry pi", "électronicien", "iot"),
        new("textile", Trade.Crafts, "Textile and sewing", "Textile et couture", "couture", "sewing", "stylisme", "fashion", "mode"),
        new("wellbeing", Trade.Care, "Wellbeing", "Bien-être", "yoga", "sophrologie", "sophrologue", "meditation", "méditation"),
        new("nutrition", Trade.Care, "Nutrition", "Nutrition", "nutritionist", "nutritionniste", "diététicien", "diététicienne", "food"),
        new("psychology", Trade.Care, "Psychology", "Psychologie", "psychologist", "psychologue", "therapist", "thérapeute"),
    ];

    public static readonly FrozenDictionary<string, Skill> BySlug = All.ToFrozenDictionary(s => s.Slug, StringComparer.Ordinal);

    /// "Développeur  Web!" → "developpeur web": lower case, accents and marks removed, anything but letters and
    /// digits a single space. Used on both sides of every comparison, so accents and case never matter.
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }
            if (char.IsLetterOrDigit(c))
            {
                if (space && builder.Length > 0)
                {
                    builder.Append(' ');
                }
                builder.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else
            {
                space = true;
            }
        }
        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// The skills a search text names: those with a name or synonym equal to it, or one of whose words starts
    /// with it ("dev" finds software and web development), at least 2 characters.
    public static IReadOnlyList<Skill> Match(string? text)
    {
        var folded = Fold(text);
        if (folded.Length < 2)
        {
            return [];
        }
        return [.. All.Where(s => s.Terms.Any(t => t == folded || t.StartsWith(folded, StringComparison.Ordinal) || t.Contains(" " + folded, StringComparison.Ordinal)))];
    }
}
