using Cotravail.Common.Localization;

namespace Cotravail.Modules.Locations;

/// A coworking space of the network. Wall-clock times (opening hours, closed days) belong to its time zone.
internal sealed class Location
{
    private Location()
    {
    }

    public Location(string name, string slug, string timeZone, string currency)
    {
        Id = Guid.CreateVersion7();
        Name = name;
        Slug = slug;
        TimeZone = timeZone;
        Currency = currency;
    }

    public Guid Id { get; private set; }

    public string Slug { get; set; } = "";

    public string Name { get; set; } = "";

    public string Street { get; set; } = "";

    public string PostalCode { get; set; } = "";

    public string City { get; set; } = "";

    public string CountryCode { get; set; } = "FR";

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    /// IANA id, e.g. Europe/Paris.
    public string TimeZone { get; set; } = "Europe/Paris";

    /// ISO 4217 code of every price at this location.
    public string Currency { get; set; } = "EUR";

    public BilingualText Description { get; set; } = BilingualText.Empty;

    public string? PhotoUrl { get; set; }

    public int OpenSpaceCapacity { get; set; }

    public bool IsActive { get; private set; } = true;

    public DateTime CreatedAt { get; set; }

    public List<OpeningPeriod> OpeningHours { get; private set; } = [];

    public List<ClosedDay> ClosedDays { get; private set; } = [];

    public List<VatRate> VatRates { get; private set; } = [];

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;

    public void SetOpeningHours(IEnumerable<OpeningPeriod> periods) => OpeningHours = OpeningWeek.Sorted(periods);

    public void SetClosedDays(IEnumerable<ClosedDay> days) => ClosedDays = [.. days.OrderBy(d => d.Date)];

    public void SetVatRates(IEnumerable<VatRate> rates) => VatRates = [.. rates];
}

/// Open from Opens to Closes (local time) on Day; a day without a period is closed.
internal sealed record OpeningPeriod(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes);

internal sealed record ClosedDay(DateOnly Date, string Reason);

/// A VAT rate in thousandths of a percent (20_000 = 20 %, 14_975 = Québec's 14.975 %) with its label
/// (normal, intermédiaire, réduit…): an integer, exact and comparable on both engines (SQLite has no decimal).
internal sealed record VatRate(string Label, int MilliPercent)
{
    /// Thousandths of a percent in one percent: a rate keeps three decimals, no more.
    public const int PerPercent = 1000;

    public const int Decimals = 3;

    public static decimal Percent(int milliPercent) => milliPercent / (decimal)PerPercent;

    /// Only for a percentage with at most three decimals (the input validation refuses more).
    public static int MilliPercentOf(decimal percent) => (int)(percent * PerPercent);
}
