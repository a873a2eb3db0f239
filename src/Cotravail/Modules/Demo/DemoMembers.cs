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
