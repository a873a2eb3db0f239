using Cotravail.Common;

namespace Cotravail.Tests.Infrastructure;

/// Valid, unique input values for tests that share one database.
public static class TestData
{
    private static int counter;

    /// Where this run's SIRENs begin: random, so runs differ, and far enough below the end of the range that a whole
    /// run's calls fit after it.
    private static readonly int sirenBase = Random.Shared.Next(10_000_000, 90_000_000);

    /// A fresh, valid SIREN (Luhn) for each call, so tests never collide: the first eight digits step by one from
    /// this run's base (never twice the same within the process) and the ninth is the one check digit that fits.
    /// (A random SIREN per call collided: thousands of companies drawn from a few million valid numbers.)
    public static string NewSiren()
    {
        var prefix = (sirenBase + Interlocked.Increment(ref counter)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        for (var check = 0; check <= 9; check++)
        {
            var text = prefix + check.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (FrenchIds.IsSiren(text))
            {
                return text;
            }
        }
        throw new InvalidOperationException($"No check digit makes {prefix} a SIREN.");
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
