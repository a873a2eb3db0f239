using Cotravail.Modules.Locations;
using Cotravail.Modules.Resources;

namespace Cotravail.Bench;

/// The sizes of the network-scale dataset: scale 1 = 2,500 locations, 50,000 resources, 20,000 members
/// and 10 million bookings over two years (one year back, one year ahead).
internal sealed record DatasetSize(int Locations, int Resources, int Members, int Bookings)
{
    public static DatasetSize Of(double scale) => new(
        (int)Math.Round(2_500 * scale), (int)Math.Round(50_000 * scale), (int)Math.Round(20_000 * scale), (int)Math.Round(10_000_000 * scale));
}

/// Deterministic makers of realistic records from a seeded Random.
internal static class Dataset
{
    public const string BenchEmail = "bench@scale.cotravail.test";

    private static readonly (string Zone, string Country, string Currency, int Weight)[] Zones =
    [
        ("Europe/Paris", "FR", "EUR", 85), ("Europe/Brussels", "BE", "EUR", 4), ("Europe/London", "GB", "GBP", 3),
        ("Europe/Zurich", "CH", "CHF", 3), ("Indian/Reunion", "RE", "EUR", 3), ("America/Guadeloupe", "GP", "EUR", 2),
    ];

    private static readonly string[] Cities = ["Paris", "Lyon", "Marseille", "Toulouse", "Nantes", "Bordeaux", "Lille", "Rennes", "Strasbourg", "Montpellier", "Grenoble", "Nice", "Dijon", "Angers", "Tours"];

    private static readonly string[] Titles = ["", "Team meeting", "Client call", "Workshop", "1:1", "Interview", "Sprint review", "Training", "Focus time"];

    public static string Title(int i) => Titles[i % Titles.Length];

    public static int TitleCount => Titles.Length;

    /// A version-7 id for an instant, its random part from the seeded Random.
    public static Guid IdAt(Random rng, DateTime at)
    {
        Span<byte> b = stackalloc byte[16];
        rng.NextBytes(b);
        var ms = new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)).ToUnixTimeMilliseconds();
        for (var i = 0; i < 6; i++)
        {
            b[i] = (byte)(ms >> (8 * (5 - i)));
        }
        b[6] = (byte)(0x70 | (b[6] & 0x0F));
        b[8] = (byte)(0x80 | (b[8] & 0x3F));
        return new Guid(b, bigEndian: true);
    }

    public static void SetId<T>(T entity, Guid id) => typeof(T).GetProperty("Id")!.SetValue(entity, id);

    public static Location Location(Random rng, int n, DateTime createdAt, DateOnly from, DateOnly to)
    {
        var pick = rng.Next(100);
        var (zone, country, currency, _) = Zones[^1];
        foreach (var z in Zones)
        {
            if (pick < z.Weight)
            {
                (zone, country, currency, _) = z;
                break;
            }
            pick -= z.Weight;
        }
        var city = Cities[rng.Next(Cities.Length)];
        var location = new Location($"Cotravail {city} {n:D4}", $"scale-{n:D4}", zone, currency)
        {
            Street = $"{1 + rng.Next(200)} rue du Réseau",
            PostalCode = $"{10000 + rng.Next(85000)}",
            City = city,
            CountryCode = country,
            OpenSpaceCapacity = 10 + rng.Next(150),
            CreatedAt = createdAt,
            Description = new("Un espace de coworking du jeu de données de charge.", "A coworking space of the scale dataset."),
        };
        SetId(location, IdAt(rng, createdAt));
        var kind = rng.Next(100);
        var periods = new List<OpeningPeriod>();
        if (kind < 5)
        {
            // Open day and night, every day.
            periods.AddRange(Enum.GetValues<DayOfWeek>().Select(d => new OpeningPeriod(d, TimeOnly.MinValue, TimeOnly.MinValue)));
        }
        else
        {
            var opens = new TimeOnly(8, 0).AddMinutes(30 * rng.Next(3));
            var closes = new TimeOnly(18, 30).AddMinutes(30 * rng.Next(4));
            periods.AddRange(Enumerable.Range(1, 5).Select(d => new OpeningPeriod((DayOfWeek)d, opens, closes)));
            if (kind < 35)
            {
                periods.Add(new OpeningPeriod(DayOfWeek.Saturday, new TimeOnly(9, 0), new TimeOnly(13, 0)));
            }
        }
        location.SetOpeningHours(periods);
        // Public holidays of France (most of the network), and a summer week for one space in ten.
        var closed = new List<ClosedDay>();
        for (var year = from.Year; year <= to.Year; year++)
        {
            foreach (var (month, day, reason) in new[] { (1, 1, "New Year"), (5, 1, "Labour Day"), (5, 8, "Victory Day"), (7, 14, "Bastille Day"), (8, 15, "Assumption"), (11, 1, "All Saints"), (11, 11, "Armistice"), (12, 25, "Christmas") })
            {
                var date = new DateOnly(year, month, day);
                if (date >= from && date <= to)
                {
                    closed.Add(new ClosedDay(date, reason));
                }
            }
            if (rng.Next(10) == 0)
            {
                var start = new DateOnly(year, 8, 7 + rng.Next(7));
                closed.AddRange(Enumerable.Range(0, 5).Select(i => new ClosedDay(start.AddDays(i), "Summer closure")).Where(c => c.Date >= from && c.Date <= to && !closed.Any(x => x.Date == c.Date)));
            }
        }
        location.SetClosedDays(closed);
        location.SetVatRates(country switch
        {
            "GB" => [new VatRate("Standard", 2000)],
            "CH" => [new VatRate("Normal", 810)],
            "BE" => [new VatRate("Normal", 2100), new VatRate("Réduit", 600)],
            "RE" or "GP" => [new VatRate("Normal", 850), new VatRate("Réduit", 210)],
            _ => [new VatRate("Normal", 2000), new VatRate("Intermédiaire", 1000), new VatRate("Réduit", 550)],
        });
        return location;
    }

    public static Resource Resource(Random rng, Guid locationId, int n, DateTime createdAt)
    {
        var roll = rng.Next(100);
        var kind = roll switch
        {
            < 35 => ResourceKind.MeetingRoom,
            < 42 => ResourceKind.VideoRoom,
            < 52 => ResourceKind.HotDeskZone,
            < 64 => ResourceKind.DedicatedDesk,
            < 72 => ResourceKind.PrivateOffice,
            < 86 => ResourceKind.PhoneBooth,
            _ => ResourceKind.Equipment,
        };
        var capacity = kind switch
        {
            ResourceKind.MeetingRoom => 2 + rng.Next(19),
            ResourceKind.VideoRoom => 2 + rng.Next(7),
            ResourceKind.HotDeskZone => 4 + rng.Next(21),
            ResourceKind.PrivateOffice => 1 + rng.Next(12),
            _ => 1,
        };
        var amenities = Amenity.None;
        void Maybe(Amenity a, int percent)
        {
            if (rng.Next(100) < percent)
            {
                amenities |= a;
            }
        }
        switch (kind)
        {
            case ResourceKind.MeetingRoom:
                Maybe(Amenity.Screen, 70);
                Maybe(Amenity.Whiteboard, 60);
                Maybe(Amenity.VisioKit, 35);
                Maybe(Amenity.Projector, 30);
                Maybe(Amenity.NaturalLight, 55);
                Maybe(Amenity.AirConditioning, 40);
                Maybe(Amenity.Soundproof, 10);
                break;
            case ResourceKind.VideoRoom:
                amenities = Amenity.VisioKit | Amenity.Screen;
                Maybe(Amenity.Soundproof, 60);
                break;
            case ResourceKind.HotDeskZone or ResourceKind.DedicatedDesk or ResourceKind.PrivateOffice:
                Maybe(Amenity.NaturalLight, 60);
                Maybe(Amenity.Lockers, 50);
                Maybe(Amenity.StandingDesk, 25);
                Maybe(Amenity.Printer, 30);
                Maybe(Amenity.Kitchenette, 30);
                break;
            case ResourceKind.PhoneBooth:
                amenities = Amenity.Soundproof;
                Maybe(Amenity.Phone, 40);
                break;
            default:
                Maybe(Amenity.Projector, 40);
                Maybe(Amenity.VisioKit, 30);
                break;
        }
        var accessibility = Accessibility.None;
        if (rng.Next(100) < 60)
        {
            accessibility |= Accessibility.StepFree;
        }
        if (rng.Next(100) < 30)
        {
            accessibility |= Accessibility.Wheelchair | Accessibility.StepFree;
        }
        if (rng.Next(100) < 10)
        {
            accessibility |= Accessibility.HearingLoop;
        }
        if (rng.Next(100) < 40)
        {
            accessibility |= Accessibility.AccessibleToilets;
        }
        var hourly = kind switch
        {
            ResourceKind.Equipment => 300 + (100 * rng.Next(5)),
            ResourceKind.PhoneBooth => 500 + (100 * rng.Next(5)),
            ResourceKind.HotDeskZone or ResourceKind.DedicatedDesk => 400 + (100 * rng.Next(6)),
            _ => 1500 + (250 * rng.Next(capacity + 4)),
        };
        var buffers = rng.Next(10);
        var policy = BookingPolicy.Default with
        {
            SetupMinutes = buffers == 9 ? 15 : 0,
            CleanupMinutes = buffers >= 7 ? 15 : 0,
            MinMinutes = rng.Next(10) == 0 ? 60 : 30,
            MaxMinutes = kind == ResourceKind.PhoneBooth ? 120 : rng.Next(4) == 0 ? 240 : 660,
            IncrementMinutes = kind == ResourceKind.PhoneBooth && rng.Next(2) == 0 ? 15 : 30,
            WindowDays = new[] { 30, 60, 90, 90, 90, 180, 365 }[rng.Next(7)],
            RequiresApproval = kind is ResourceKind.PrivateOffice or ResourceKind.MeetingRoom && rng.Next(20) == 0,
            MembersOnly = rng.Next(5) != 0,
            FreeCancellationHours = new[] { 2, 24, 24, 48 }[rng.Next(4)],
            LateCancellationPercent = new[] { 0, 50, 50, 100 }[rng.Next(4)],
            MaxHoursPerWeek = rng.Next(8) == 0 ? 10 * (1 + rng.Next(3)) : null,
            CheckInMinutes = rng.Next(3) == 0 ? 0 : 15,
        };
        var label = kind switch
        {
            ResourceKind.MeetingRoom => "Meeting room",
            ResourceKind.VideoRoom => "Video room",
            ResourceKind.HotDeskZone => "Hot desks",
            ResourceKind.DedicatedDesk => "Desk",
            ResourceKind.PrivateOffice => "Office",
            ResourceKind.PhoneBooth => "Phone booth",
            _ => "Equipment",
        };
        var resource = new Resource(locationId, $"{label} {n:D3}", kind, capacity)
        {
            Amenities = amenities,
            Accessibility = accessibility,
            CreatedAt = createdAt,
            Rates = new Rates(hourly, hourly * 7 / 2, hourly * 6, hourly * 13 / 10, hourly * 45 / 10, hourly * 8),
            Policy = policy,
        };
        SetId(resource, IdAt(rng, createdAt));
        return resource;
    }
}
