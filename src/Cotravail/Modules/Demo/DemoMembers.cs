using System.Globalization;
using System.Text;
using Cotravail.Modules.Companies;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Members;
using static Cotravail.Modules.Members.MemberCategory;

namespace Cotravail.Modules.Demo;

internal sealed partial class DemoSeeder
{
    private const string Paris = DemoAccounts.ParisSlug;
    private const string Lyon = DemoAccounts.LyonSlug;
    private const string Rural = DemoAccounts.RuralSlug;

    private const string Altimetre = "altimetre";
    private const string Pixel = "pixel";
    private const string Hydrotech = "hydrotech";

    private sealed record CompanyRow(
        string Key, string LegalName, string Siren, string Street, string PostalCode, string City,
        string BillingContactName, string BillingEmail);

    /// SIRENs pass the Luhn check; VAT key = (12 + 3 × (SIREN mod 97)) mod 97.
    private static readonly CompanyRow[] Companies =
    [
        new(Altimetre, "Altimètre Conseil SAS", "842137952", "48 rue de Miromesnil", "75008", "Paris",
            "Isabelle Rousseau", "facturation@altimetre-conseil.example"),
        new(Pixel, "Pixel & Traboule SARL", "791653207", "7 rue Mercière", "69002", "Lyon",
            "David Lemoine", "compta@pixel-traboule.example"),
        new(Hydrotech, "Hydrotech Ingénierie SAS", "883402158", "12 avenue Victor Hugo", "26000", "Valence",
            "Martine Roche", "comptabilite@hydrotech-ingenierie.example"),
    ];

    private sealed record MemberRow(
        string Home, string FirstName, string LastName, MemberCategory Category,
        string? Company = null, bool CompanyAdmin = false, bool Active = true, string? Email = null);

    /// Every category appears at least twice; company members are billed to their company.
    private static readonly MemberRow[] Members =
    [
        new(Paris, "Léa", "Fontaine", Freelancer, Email: DemoAccounts.Member),
        new(Paris, "Thomas", "Girard", CompanyEmployee, Altimetre, CompanyAdmin: true, Email: DemoAccounts.CompanyAdmin),
        new(Paris, "Antoine", "Dubois", Teleworker, Altimetre),
        new(Paris, "Claire", "Lefèvre", Teleworker, Altimetre),
        new(Paris, "Mehdi", "Haddad", Teleworker, Altimetre),
        new(Paris, "Inès", "Roussel", CompanyEmployee, Altimetre),
        new(Paris, "Nicolas", "Petit", Consultant),
        new(Paris, "Aurélie", "Chevalier", PortageSalarial),
        new(Paris, "Hugo", "Lambert", AutoEntrepreneur),
        new(Paris, "Fatoumata", "Diallo", Freelancer),
        new(Paris, "Baptiste", "Marchand", Student),
        new(Paris, "Jeanne", "Perrin", Retiree),
        new(Paris, "Yanis", "Boucher", JobSeeker),
        new(Paris, "Sarah", "Cohen", Consultant),
        new(Paris, "Olivier", "Faure", Other),
        new(Paris, "Manon", "Gauthier", Freelancer, Active: false),
        new(Paris, "Vincent", "Nguyen", PortageSalarial),
        new(Paris, "Émilie", "Robin", Volunteer),

        new(Lyon, "Mathilde", "Rey", CompanyEmployee, Pixel),
        new(Lyon, "Lucas", "Bonnet", CompanyEmployee, Pixel),
        new(Lyon, "Chloé", "Mercier", Teleworker, Pixel),
        new(Lyon, "Romain", "Brun", Freelancer),
        new(Lyon, "Pauline", "Garnier", AutoEntrepreneur),
        new(Lyon, "Kevin", "Da Silva", Consultant),
        new(Lyon, "Anaïs", "Roux", Student),
        new(Lyon, "Gérard", "Blanc", Retiree),
        new(Lyon, "Samira", "Belkacem", JobSeeker),
        new(Lyon, "Florian", "Guérin", PortageSalarial),
        new(Lyon, "Julie", "Masson", Freelancer),
        new(Lyon, "Maxime", "Caron", AutoEntrepreneur, Active: false),
        new(Lyon, "Élise", "Vidal", Other),
        new(Lyon, "Hélène", "Lemaire", Volunteer),

        new(Rural, "Bernard", "Arnaud", Volunteer),
        new(Rural, "Margaux", "Chabert", Freelancer),
        new(Rural, "Pierre", "Reynaud", Teleworker, Hydrotech),
        new(Rural, "Nadia", "Ferrand", CompanyEmployee, Hydrotech),
        new(Rural, "Loïc", "Jullien", AutoEntrepreneur),
        new(Rural, "Sylvie", "Bouvier", JobSeeker),
        new(Rural, "Théo", "Magnan", Student),
        new(Rural, "Odile", "Achard", Other),
    ];

    private sealed record HomeRow(string Street, string PostalCode, string City);

    /// Where the members who pay for themselves live, in their space's area (real streets, made-up numbers), in the
    /// order of Members: their invoices' address. Those whose company pays give none.
    private static readonly IReadOnlyDictionary<string, HomeRow[]> Homes = new Dictionary<string, HomeRow[]>
    {
        [Paris] =
        [
            new("15 rue des Petites-Écuries", "75010", "Paris"),
            new("8 rue Oberkampf", "75011", "Paris"),
            new("27 avenue de Clichy", "75017", "Paris"),
            new("6 rue de Bezons", "92400", "Courbevoie"),
            new("112 rue de Rennes", "75006", "Paris"),
            new("14 rue Lepic", "75018", "Paris"),
            new("19 rue Arago", "92800", "Puteaux"),
            new("41 boulevard de Belleville", "75020", "Paris"),
            new("9 rue Paul Vaillant-Couturier", "92300", "Levallois-Perret"),
            new("52 avenue Charles de Gaulle", "92200", "Neuilly-sur-Seine"),
            new("3 rue de la Roquette", "75011", "Paris"),
            new("23 rue Victor Hugo", "92270", "Bois-Colombes"),
            new("30 rue de Nanterre", "92250", "La Garenne-Colombes"),
        ],
        [Lyon] =
        [
            new("12 rue de la Charité", "69002", "Lyon"),
            new("33 rue Paul Bert", "69003", "Lyon"),
            new("7 montée de la Grande-Côte", "69001", "Lyon"),
            new("48 cours Gambetta", "69007", "Lyon"),
            new("21 rue Saint-Jean", "69005", "Lyon"),
            new("5 rue Garibaldi", "69006", "Lyon"),
            new("2 place Jules Grandclément", "69100", "Villeurbanne"),
            new("11 grande rue de la Croix-Rousse", "69004", "Lyon"),
            new("30 rue Francis de Pressensé", "69100", "Villeurbanne"),
            new("16 avenue Jean Jaurès", "69007", "Lyon"),
            new("9 rue Masséna", "69006", "Lyon"),
        ],
        [Rural] =
        [
            new("4 rue du Bourg", "26220", "Dieulefit"),
            new("7 route de Nyons", "26220", "Dieulefit"),
            new("18 avenue de Provence", "26200", "Montélimar"),
            new("3 place de l'Église", "26160", "La Bégude-de-Mazenc"),
            new("22 rue Sainte-Croix", "26110", "Nyons"),
            new("11 chemin de la Viale", "26220", "Dieulefit"),
        ],
    };

    private static Company NewCompany(CompanyRow row, DateTime now) => new(row.LegalName)
    {
        Siren = row.Siren,
        VatNumber = $"FR{(12 + (3 * (long.Parse(row.Siren, CultureInfo.InvariantCulture) % 97))) % 97:D2}{row.Siren}",
        Street = row.Street,
        PostalCode = row.PostalCode,
        City = row.City,
        BillingContactName = row.BillingContactName,
        BillingEmail = row.BillingEmail,
        CreatedAt = now,
    };

    private static Member NewMember(
        MemberRow row, int index, Dictionary<string, Location> locations, Dictionary<string, Company> companies, DateTime now)
    {
        var email = row.Email ?? $"{EmailPart(row.FirstName)}.{EmailPart(row.LastName)}@members.cotravail.example";
        var member = new Member(row.FirstName, row.LastName, email, row.Category, locations[row.Home].Id)
        {
            // 06 39 98 xx xx is reserved by ARCEP for fiction, so no real person gets called.
            Phone = $"+33 6 39 98 {10 + index:D2} {37 * index % 100:D2}",
            // Joined one week apart, the oldest first, so lists sorted by date look lived-in.
            CreatedAt = now.AddDays(-7 * (Members.Length - index)),
        };
        if (row.Company is not null)
        {
            member.JoinCompany(companies[row.Company].Id, billedToCompany: true, isCompanyAdmin: row.CompanyAdmin);
        }
        else
        {
            var homes = Homes[row.Home];
            var home = homes[Members.Take(index).Count(r => r.Home == row.Home && r.Company is null) % homes.Length];
            member.MoveTo(home.Street, home.PostalCode, home.City, "FR");
        }
        if (!row.Active)
        {
            member.Deactivate();
        }
        return member;
    }

    /// "Da Silva" → "da-silva", "Lefèvre" → "lefevre".
    private static string EmailPart(string name) =>
        new([.. name.Normalize(NormalizationForm.FormD)
            .Where(c => char.IsAsciiLetter(c) || c is ' ' or '-')
            .Select(c => c == ' ' ? '-' : char.ToLowerInvariant(c))]);
}
