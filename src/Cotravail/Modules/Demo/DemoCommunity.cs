using Cotravail.Modules.Community;
using Cotravail.Modules.Members;
using Cotravail.Modules.Privacy;

namespace Cotravail.Modules.Demo;

internal sealed partial class DemoSeeder
{
    private sealed record ProfileRow(
        string FirstName, string LastName, Audience Listing, Audience Parts, string Headline, string[] Offers, string[] Seeks,
        string Languages, bool Missions = true, bool Partnerships = false, string[]? Tags = null, string? Bio = null);

    /// Most members opened their profile (to the network, or to their location only); a few keep to themselves
    /// (Listing Nobody, or no profile at all), so the directory, its counts and its privacy show at work.
    private static readonly ProfileRow[] Profiles =
    [
        new("Léa", "Fontaine", Audience.Network, Audience.Network, "Designer UX indépendante, parcours clients et prototypes", ["ux-ui-design", "graphic-design", "facilitation"],
            ["web-development", "business-law"], "en fr", Partnerships: true, Tags: ["Figma", "design system"],
            Bio: "Je conçois des **parcours clients** simples pour les PME et les associations.\n\n- ateliers de co-conception\n- prototypes testés avec de vrais utilisateurs\n\nPortfolio : https://lea-fontaine.example"),
        new("Antoine", "Dubois", Audience.Network, Audience.Network, "Développeur back-end .NET chez Altimètre", ["software-development", "devops-cloud"], ["project-management"], "en fr", Missions: false),
        new("Claire", "Lefèvre", Audience.Location, Audience.Location, "Data analyst, tableaux de bord et études", ["data-analysis", "ai-machine-learning"], ["graphic-design"], "en fr es", Missions: false),
        new("Nicolas", "Petit", Audience.Network, Audience.Network, "Consultant en stratégie pour les PME industrielles", ["business-strategy", "public-tenders", "fundraising"], ["web-development", "copywriting"], "fr en de", Partnerships: true),
        new("Aurélie", "Chevalier", Audience.Network, Audience.Network, "Juriste d'affaires en portage, contrats et propriété intellectuelle", ["business-law", "intellectual-property", "gdpr"], ["digital-marketing"], "fr en", Partnerships: true,
            Bio: "Dix ans en cabinet, aujourd'hui en **portage salarial**. Je relis vos contrats, CGV et pactes d'associés, et je vous aide à protéger vos marques."),
        new("Hugo", "Lambert", Audience.Network, Audience.Network, "Développeur web freelance, sites et applications sur mesure", ["web-development", "software-development", "mobile-apps"], ["ux-ui-design", "seo"], "fr en", Partnerships: true, Tags: ["React", "Symfony"]),
        new("Fatoumata", "Diallo", Audience.Network, Audience.Network, "Traductrice anglais-français, juridique et technique", ["translation", "proofreading"], ["social-media"], "fr en", Tags: ["traduction assermentée"]),
        new("Baptiste", "Marchand", Audience.Location, Audience.Location, "Étudiant en école de commerce, alternance en marketing", ["social-media", "digital-marketing"], ["business-strategy", "coaching"], "fr en", Partnerships: false),
        new("Jeanne", "Perrin", Audience.Network, Audience.Network, "Ancienne DAF, je partage mon expérience de la gestion financière", ["financial-planning", "accounting", "coaching"], [], "fr", Missions: false, Partnerships: true),
        new("Yanis", "Boucher", Audience.Location, Audience.Location, "En reconversion vers le développement web", ["it-support"], ["software-development", "web-development", "coaching"], "fr ar"),
        new("Sarah", "Cohen", Audience.Network, Audience.Network, "Consultante RH, recrutement et marque employeur", ["human-resources", "training", "coaching"], ["social-media"], "fr en", Partnerships: true),
        new("Olivier", "Faure", Audience.Nobody, Audience.Nobody, "Photographe", ["photography"], [], "fr"),
        new("Vincent", "Nguyen", Audience.Network, Audience.Location, "Chef de projet agile en portage", ["project-management", "facilitation"], ["ai-machine-learning"], "fr en"),
        new("Émilie", "Robin", Audience.Network, Audience.Network, "Bénévole, organisation d'événements pour l'ESS", ["event-organisation", "social-economy"], ["grants", "fundraising"], "fr", Missions: false, Partnerships: true),
        new("Romain", "Brun", Audience.Network, Audience.Network, "Graphiste et illustrateur, identités visuelles", ["graphic-design", "illustration"], ["copywriting", "sales"], "fr it", Partnerships: true, Tags: ["risographie"]),
        new("Pauline", "Garnier", Audience.Network, Audience.Network, "Rédactrice web et SEO", ["copywriting", "seo"], ["graphic-design"], "fr en"),
        new("Kevin", "Da Silva", Audience.Network, Audience.Network, "Consultant cybersécurité et RGPD technique", ["cybersecurity", "gdpr", "devops-cloud"], ["business-law"], "fr pt en"),
        new("Anaïs", "Roux", Audience.Location, Audience.Location, "Étudiante en design, cherche un stage", ["ux-ui-design", "illustration"], ["ux-ui-design"], "fr en", Missions: true),
        new("Samira", "Belkacem", Audience.Network, Audience.Network, "Comptable, en recherche d'emploi ou de missions", ["accounting", "tax"], ["human-resources"], "fr ar"),
        new("Julie", "Masson", Audience.Network, Audience.Network, "Vidéaste, films d'entreprise et motion design", ["video", "photography"], ["sales"], "fr en", Partnerships: true),
        new("Élise", "Vidal", Audience.Nobody, Audience.Nobody, "Coach", ["coaching"], [], "fr"),
        new("Margaux", "Chabert", Audience.Network, Audience.Network, "Architecte, rénovation de bâtiments ruraux", ["architecture"], ["grants", "photography"], "fr", Partnerships: true),
        new("Loïc", "Jullien", Audience.Network, Audience.Network, "Menuisier et fabmanager", ["woodworking", "digital-fabrication", "electronics"], ["digital-marketing"], "fr oc"),
        new("Bernard", "Arnaud", Audience.Location, Audience.Location, "Bénévole au tiers-lieu, dépannage informatique", ["it-support", "training"], [], "fr", Missions: false),
    ];

    /// Members with a drawn portrait (a 96-pixel gradient, a few hundred bytes), shown as widely as their other parts.
    private static readonly string[] Portraits = ["Léa", "Antoine", "Claire", "Aurélie", "Hugo", "Sarah", "Romain", "Loïc"];

    private static IEnumerable<object> NewCommunity(IReadOnlyList<Member> members, DateTime now)
    {
        (byte R, byte G, byte B)[] tones = [(0x2f, 0x6f, 0x8f), (0x8f, 0x5a, 0x2f), (0x4f, 0x7f, 0x3f), (0x6f, 0x3f, 0x7f)];
        var portraits = 0;
        foreach (var row in Profiles)
        {
            var member = members.Single(m => m.FirstName == row.FirstName && m.LastName == row.LastName);
            var privacy = new MemberPrivacy(member.Id);
            var portrait = Portraits.Contains(row.FirstName);
            privacy.Apply(new PrivacyChoices
            {
                Listing = row.Listing, Presentation = row.Parts, Skills = row.Parts, Category = row.Parts, Company = row.Parts,
                Photo = portrait ? row.Parts : Audience.Nobody,
            }, now);
            if (portrait)
            {
                var tone = tones[portraits++ % tones.Length];
                yield return new MemberPhoto(member.Id, "image/png", Gradient((0xf4, 0xf1, 0xea), tone, 96, 96), 96, 96, now);
            }
            yield return privacy;
            yield return new MemberProfile(member.Id)
            {
                Headline = row.Headline,
                Bio = row.Bio ?? "",
                OpenToMissions = row.Missions,
                OpenToPartnerships = row.Partnerships,
                Languages = string.Join(' ', row.Languages.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(ProfileInput.KnownLanguages.Contains).Order(StringComparer.Ordinal)),
                UpdatedAt = now,
            };
            foreach (var skill in row.Offers)
            {
                yield return new MemberSkill(member.Id, skill, SkillUse.Offers);
            }
            foreach (var skill in row.Seeks)
            {
                yield return new MemberSkill(member.Id, skill, SkillUse.Seeks);
            }
            foreach (var tag in row.Tags ?? [])
            {
                yield return new MemberTag(member.Id, tag);
            }
        }
    }
}
