using Cotravail.Common.Auth;
using Cotravail.Common.Localization;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Members;
using Cotravail.Modules.Network;
using Cotravail.Modules.Offers;
using Cotravail.Modules.Companies;
using Cotravail.Modules.Resources;

namespace Cotravail.Modules.Demo;

/// The demo network: a legal identity, three locations, their resources (DemoResources.cs), companies and
/// members (DemoMembers.cs), the catalogue of offers (DemoOffers.cs), and the accounts of DemoAccounts with their
/// staff roles.
internal sealed partial class DemoSeeder
{
    private sealed record LocationRow(
        string Slug, string Name, string Street, string PostalCode, string City, double Latitude, double Longitude,
        int OpenSpaceCapacity, BilingualText Description, OpeningPeriod[] Hours);

    // Declared before Locations: static initializers run in textual order.
    private static readonly DayOfWeek[] Weekdays =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    private static readonly LocationRow[] Locations =
    [
        new(DemoAccounts.ParisSlug, "Paris La Défense", "4 place de la Coupole", "92400", "Courbevoie", 48.8919, 2.2408, 120,
            Both("Un espace de coworking au cœur du quartier d'affaires de La Défense, à deux pas du RER A et de la ligne 1. "
                + "Open space lumineux, salles de réunion équipées et bureaux privatifs pour les équipes en télétravail.",
                "A coworking space in the heart of the La Défense business district, a short walk from RER A and metro line 1. "
                + "A bright open space, equipped meeting rooms and private offices for remote teams."),
            [.. Hours(new(8, 0), new(20, 0), Weekdays), .. Hours(new(9, 0), new(13, 0), DayOfWeek.Saturday)]),
        new(DemoAccounts.LyonSlug, "Lyon Part-Dieu", "19 boulevard Marius Vivier-Merle", "69003", "Lyon", 45.7615, 4.8590, 60,
            Both("À cinq minutes de la gare Part-Dieu, un plateau de coworking pour indépendants et équipes du numérique, "
                + "avec salles de réunion et cabine téléphonique.",
                "Five minutes from Part-Dieu station, a coworking floor for freelancers and digital teams, "
                + "with meeting rooms and a phone booth."),
            Hours(new(8, 30), new(19, 0), Weekdays)),
        new(DemoAccounts.RuralSlug, "La Grange de Dieulefit", "215 chemin de la Grange", "26220", "Dieulefit", 44.5262, 5.0652, 15,
            FrenchOnly("Une grange réhabilitée en tiers-lieu associatif dans le village potier de Dieulefit : atelier partagé, "
                + "salle de réunion et fibre optique au pied des Préalpes drômoises."),
            Hours(new(9, 0), new(18, 0), DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday)),
    ];

    /// French public holidays (jours fériés); Easter 2026 is 5 April, Easter 2027 is 28 March.
    private static readonly (DateOnly Date, string Reason)[] PublicHolidays =
    [
        (new(2026, 1, 1), "Jour de l'an"), (new(2027, 1, 1), "Jour de l'an"),
        (new(2026, 4, 6), "Lundi de Pâques"), (new(2027, 3, 29), "Lundi de Pâques"),
        (new(2026, 5, 1), "Fête du Travail"), (new(2027, 5, 1), "Fête du Travail"),
        (new(2026, 5, 8), "Victoire 1945"), (new(2027, 5, 8), "Victoire 1945"),
        (new(2026, 5, 14), "Ascension"), (new(2027, 5, 6), "Ascension"),
        (new(2026, 5, 25), "Lundi de Pentecôte"), (new(2027, 5, 17), "Lundi de Pentecôte"),
        (new(2026, 7, 14), "Fête nationale"), (new(2027, 7, 14), "Fête nationale"),
        (new(2026, 8, 15), "Assomption"), (new(2027, 8, 15), "Assomption"),
        (new(2026, 11, 1), "Toussaint"), (new(2027, 11, 1), "Toussaint"),
        (new(2026, 11, 11), "Armistice 1918"), (new(2027, 11, 11), "Armistice 1918"),
        (new(2026, 12, 25), "Noël"), (new(2027, 12, 25), "Noël"),
    ];

    private static readonly (string Label, int MilliPercent)[] FrenchVatRates =
        [("Normal", 20_000), ("Intermédiaire", 10_000), ("Réduit", 5_500)];

    private static readonly (string Email, string DisplayName, bool IsNetworkAdmin)[] Accounts =
    [
        (DemoAccounts.NetworkAdmin, "Camille Laurent", true),
        (DemoAccounts.ParisManager, "Julien Moreau", false),
        (DemoAccounts.LyonManager, "Sophie Bernard", false),
        (DemoAccounts.ParisHost, "Karim Benali", false),
        (DemoAccounts.Member, "Léa Fontaine", false),
        (DemoAccounts.CompanyAdmin, "Thomas Girard", false),
    ];

    /// The Paris manager manages Paris only; tests rely on it not reaching Lyon or Dieulefit.
    private static readonly (string Email, string Location, StaffRole Role)[] Staff =
    [
        (DemoAccounts.ParisManager, DemoAccounts.ParisSlug, StaffRole.Manager),
        (DemoAccounts.LyonManager, DemoAccounts.LyonSlug, StaffRole.Manager),
        (DemoAccounts.LyonManager, DemoAccounts.RuralSlug, StaffRole.Manager),
        (DemoAccounts.ParisHost, DemoAccounts.ParisSlug, StaffRole.Host),
    ];

    private async partial Task SeedAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // UserManager saves through the same AppDb, so the accounts join this transaction: all or nothing.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);

        db.Network.Add(Network());
        var locations = Locations.Select(row => NewLocation(row, now)).ToDictionary(l => l.Slug);
        db.Locations.AddRange(locations.Values);
        var resources = Resources.Select(row => NewResource(row, locations[row.Location].Id, now)).ToList();
        db.Resources.AddRange(resources);
        db.AddRange(DemoPhotos(locations.Values, resources, now));
        var companies = Companies.ToDictionary(row => row.Key, row => NewCompany(row, now));
        db.Companies.AddRange(companies.Values);
        var members = Members.Select((row, i) => NewMember(row, i, locations, companies, now)).ToList();
        db.Members.AddRange(members);
        db.Offers.AddRange(NewOffers(locations, now));
        await db.SaveChangesAsync(ct);

        var accounts = new Dictionary<string, User>();
        foreach (var account in Accounts)
        {
            var user = accounts[account.Email] = await CreateUserAsync(account.Email, account.DisplayName, account.IsNetworkAdmin, now);
            members.SingleOrDefault(m => m.Email == Member.NormalizeEmail(account.Email))?.LinkAccount(user.Id);
            db.StaffAssignments.AddRange(Staff
                .Where(s => s.Email == account.Email)
                .Select(s => new StaffAssignment(user.Id, locations[s.Location].Id, s.Role)));
        }
        db.AddRange(NewCommunity(members, now));
        db.AddRange(NewQuestions(members, now));
        db.AddRange(NewProjects(members, now));
        db.ReducedRateGrants.Add(StudentGrant(members.Single(m => m.LastName == "Marchand"), accounts[DemoAccounts.ParisManager].Id, now));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// SIREN 912345675 passes the Luhn check; VAT key = (12 + 3 × (SIREN mod 97)) mod 97 = 65.
    private static NetworkProfile Network() => new()
    {
        Name = "Réseau Cotravail",
        Tagline = new("Des espaces de travail partagés, de La Défense à la Drôme.", "Shared workspaces, from La Défense to the Drôme."),
        LegalName = "Cotravail Réseau SCIC SAS",
        LegalForm = "SCIC SAS à capital variable",
        ShareCapital = "18 400 €",
        Siren = "912345675",
        Siret = "91234567500017",
        VatNumber = "FR65912345675",
        Street = "24 rue de la République",
        PostalCode = "69002",
        City = "Lyon",
        RcsCity = "Lyon",
        Email = "contact@cotravail.example",
        PrivacyContactEmail = "privacy@cotravail.example",
        Website = "https://cotravail.example",
    };

    private static Location NewLocation(LocationRow row, DateTime now)
    {
        var location = new Location(row.Name, row.Slug, "Europe/Paris", "EUR")
        {
            Street = row.Street,
            PostalCode = row.PostalCode,
            City = row.City,
            Latitude = row.Latitude,
            Longitude = row.Longitude,
            Description = row.Description,
            OpenSpaceCapacity = row.OpenSpaceCapacity,
            CreatedAt = now,
        };
        // Owned rows are tracked per instance, so every location gets its own copies.
        location.SetOpeningHours(row.Hours.Select(h => h with { }));
        location.SetClosedDays(PublicHolidays.Select(h => new ClosedDay(h.Date, h.Reason)));
        location.SetVatRates(FrenchVatRates.Select(v => new VatRate(v.Label, v.MilliPercent)));
        return location;
    }

    private static OpeningPeriod[] Hours(TimeOnly opens, TimeOnly closes, params DayOfWeek[] days) =>
        [.. days.Select(day => new OpeningPeriod(day, opens, closes))];

    private async Task<User> CreateUserAsync(string email, string displayName, bool isNetworkAdmin, DateTime now)
    {
        var user = new User
        {
            Id = Guid.CreateVersion7(),
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            IsNetworkAdmin = isNetworkAdmin,
            PreferredCulture = "fr",
            CreatedAt = now,
        };
        var result = await users.CreateAsync(user, DemoAccounts.Password);
        if (!result.Succeeded)
        {
            var errors = string.Join("; ", result.Errors.Select(e => e.Description));
            throw new InvalidOperationException($"Demo account {email} could not be created: {errors}");
        }
        return user;
    }
}
