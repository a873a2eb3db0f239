using Cotravail.Common;

namespace Cotravail.Tests.Infrastructure;

/// Valid, unique input values for tests that share one database.
public static class TestData
{
    private static int counter;

    /// A fresh, valid SIREN (Luhn) for each call, so tests never collide.
    public static string NewSiren()
    {
        var seed = 100_000_000 + (Interlocked.Increment(ref counter) * 7919) + Random.Shared.Next(0, 50_000_000);
        for (var candidate = seed; ; candidate++)
        {
            var text = candidate.ToString(System.Globalization.CultureInfo.InvariantCulture)[..9];
            if (FrenchIds.IsSiren(text))
            {
                return text;
            }
        }
    }

    public static string NewSlug(string prefix = "loc") => $"{prefix}-{Guid.NewGuid():N}"[..20];

    /// A valid location; open Mondays 08:30–19:00, or every day 07:00–22:00 when openEveryDay.
    public static object Location(string name, string? slug = null, bool openEveryDay = false) => new
    {
        name,
        slug,
        street = "3 rue des Tests",
        postalCode = "69001",
        city = "Lyon",
        countryCode = "FR",
        timeZone = "Europe/Paris",
        currency = "EUR",
        openSpaceCapacity = 20,
        openingHours = openEveryDay
            ? Enum.GetValues<DayOfWeek>().Select(d => new { day = d.ToString(), opens = "07:00", closes = "22:00" }).ToArray()
            : [new { day = "Monday", opens = "08:30", closes = "19:00" }],
        closedDays = new[] { new { date = "2026-12-25", reason = "Noël" } },
        vatRates = new[] { new { label = "Normal", percent = 20 } },
    };

    public static object Room(Guid locationId, string name, int capacity = 6) => new
    {
        locationId,
        name,
        kind = "MeetingRoom",
        capacity,
        amenities = new[] { "VisioKit", "Screen" },
        accessibility = new[] { "Wheelchair" },
        description = "Salle lumineuse",
        memberHourly = 25.5m,
        memberDay = 160m,
        nonMemberHourly = 35m,
    };

    public static object Member(Guid homeLocationId, string email, Guid? companyId = null) => new
    {
        firstName = "Inès",
        lastName = "Moreau",
        email,
        phone = "+33 6 12 34 56 78",
        category = "Freelancer",
        homeLocationId,
        companyId,
        billedToCompany = companyId is not null,
    };

    public static object Company(string siren) => new
    {
        legalName = "Atelier Numérique SARL",
        siren,
        vatNumber = FrenchIds.VatNumber(siren),
        street = "12 quai Saint-Antoine",
        postalCode = "69002",
        city = "Lyon",
        countryCode = "FR",
        billingContactName = "Léa Fontaine",
        billingEmail = "compta@atelier.example",
    };
}
