using System.ComponentModel.DataAnnotations;
using Cotravail.Common;
using Cotravail.Common.Errors;
using Cotravail.Common.Localization;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Locations;

/// What an operator types to create or change a location, from the API (JSON) or the form.
internal sealed record LocationInput : IValidatableObject
{
    public const int DescriptionLength = 4000;

    [Required(ErrorMessage = Messages.Required), StringLength(200, ErrorMessage = Messages.TooLong), Display(Name = "Name")]
    public string Name { get; init; } = "";

    [StringLength(80, ErrorMessage = Messages.TooLong), RegularExpression(Common.Slug.Pattern, ErrorMessage = Messages.Format), Display(Name = "Web address (slug)")]
    public string? Slug { get; init; }

    [AddressFields.Street]
    public string? Street { get; init; }

    [AddressFields.PostalCode]
    public string? PostalCode { get; init; }

    [AddressFields.City]
    public string City { get; init; } = "";

    [AddressFields.CountryCode]
    public string CountryCode { get; init; } = "FR";

    [Range(-90.0, 90.0, ErrorMessage = Messages.Range), Display(Name = "Latitude")]
    public double? Latitude { get; init; }

    [Range(-180.0, 180.0, ErrorMessage = Messages.Range), Display(Name = "Longitude")]
    public double? Longitude { get; init; }

    [Required(ErrorMessage = Messages.Required), StringLength(64, ErrorMessage = Messages.TooLong), Display(Name = "Time zone")]
    public string TimeZone { get; init; } = "Europe/Paris";

    /// Only when the time zone changes and future bookings exist: "keepLocalTimes" moves them so their
    /// wall-clock times stay, "keepInstants" keeps their UTC instants (their local times change).
    [RegularExpression("^(keepLocalTimes|keepInstants)$", ErrorMessage = Messages.Format), Display(Name = "Future bookings")]
    public string? FutureBookings { get; init; }

    [Required(ErrorMessage = Messages.Required), RegularExpression("^[A-Z]{3}$", ErrorMessage = Messages.Format), Display(Name = "Currency")]
    public string Currency { get; init; } = "EUR";

    /// Before descriptions had two languages: the French description. Ignored when DescriptionFr or DescriptionEn is given.
    [StringLength(DescriptionLength, ErrorMessage = Messages.TooLong), Display(Name = "Description")]
    public string? Description { get; init; }

    /// Shown to French readers, and to English ones when DescriptionEn is empty.
    [StringLength(DescriptionLength, ErrorMessage = Messages.TooLong), Display(Name = "Description in French")]
    public string? DescriptionFr { get; init; }

    /// Shown to English readers, and to French ones when DescriptionFr is empty.
    [StringLength(DescriptionLength, ErrorMessage = Messages.TooLong), Display(Name = "Description in English")]
    public string? DescriptionEn { get; init; }

    [StringLength(500, ErrorMessage = Messages.TooLong), Display(Name = "Photo URL")]
    public string? PhotoUrl { get; init; }

    [Range(0, 100000, ErrorMessage = Messages.Range), Display(Name = "Open-space capacity")]
    public int OpenSpaceCapacity { get; init; }

    public List<OpeningPeriodInput> OpeningHours { get; init; } = [];

    public List<ClosedDayInput> ClosedDays { get; init; } = [];

    public List<VatRateInput> VatRates { get; init; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var l = validationContext.GetRequiredService<IStringLocalizer<SharedResource>>();
        if (!string.IsNullOrWhiteSpace(TimeZone) && (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out var zone) || !zone.HasIanaId))
        {
            yield return new(l["Unknown time zone: use an IANA name such as Europe/Paris."], [nameof(TimeZone)]);
        }
        if (!string.IsNullOrWhiteSpace(Currency) && !Money.SupportedCurrencies.Contains(Currency))
        {
            yield return new(l["This currency is not supported."], [nameof(Currency)]);
        }
        if (PhotoUrl is { Length: > 0 } && !(Uri.TryCreate(PhotoUrl, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
        {
            yield return new(l["Enter an http(s) address."], [nameof(PhotoUrl)]);
        }
        foreach (var result in OpeningWeek.Validate(OpeningHours, nameof(OpeningHours), l))
        {
            yield return result;
        }
        for (var i = 0; i < ClosedDays.Count; i++)
        {
            if (ClosedDays[i].Reason is { Length: > 200 })
            {
                yield return new(l["{0} must be at most {1} characters.", l["Reason"], 200], [$"{nameof(ClosedDays)}[{i}].reason"]);
            }
        }
        for (var i = 0; i < VatRates.Count; i++)
        {
            var rate = VatRates[i];
            if (rate.Percent is < 0 or > 100 || string.IsNullOrWhiteSpace(rate.Label) || rate.Label.Length > 50)
            {
                yield return new(l["A VAT rate needs a label and a percentage between 0 and 100."], [$"{nameof(VatRates)}[{i}]"]);
            }
            else if (decimal.Round(rate.Percent, VatRate.Decimals) != rate.Percent)
            {
                // refused rather than rounded: 14.9755 % stored as 14.976 % would silently change every price
                yield return new(l["A VAT rate has at most {0} decimals.", VatRate.Decimals], [$"{nameof(VatRates)}[{i}].percent"]);
            }
        }
    }

    /// Both languages, or the legacy Description as the French text when neither is given.
    public BilingualText Descriptions() => DescriptionFr is null && DescriptionEn is null
        ? BilingualText.Of(Description, null)
        : BilingualText.Of(DescriptionFr, DescriptionEn);

    public void ApplyTo(Location location)
    {
        location.Name = Name.Trim();
        location.Street = Street?.Trim() ?? "";
        location.PostalCode = PostalCode?.Trim() ?? "";
        location.City = City.Trim();
        location.CountryCode = CountryCode;
        location.Latitude = Latitude;
        location.Longitude = Longitude;
        location.TimeZone = TimeZone;
        location.Currency = Currency;
        location.Description = Descriptions();
        location.PhotoUrl = string.IsNullOrWhiteSpace(PhotoUrl) ? null : PhotoUrl.Trim();
        location.OpenSpaceCapacity = OpenSpaceCapacity;
        location.SetOpeningHours(OpeningWeek.ToPeriods(OpeningHours));
        location.SetClosedDays(ClosedDays.DistinctBy(d => d.Date).Select(d => new ClosedDay(d.Date, d.Reason?.Trim() ?? "")));
        location.SetVatRates(VatRates.Select(v => new VatRate(v.Label.Trim(), VatRate.MilliPercentOf(v.Percent))));
    }

    public static LocationInput From(Location l) => new()
    {
        Name = l.Name,
        Slug = l.Slug,
        Street = l.Street,
        PostalCode = l.PostalCode,
        City = l.City,
        CountryCode = l.CountryCode,
        Latitude = l.Latitude,
        Longitude = l.Longitude,
        TimeZone = l.TimeZone,
        Currency = l.Currency,
        DescriptionFr = l.Description.Fr,
        DescriptionEn = l.Description.En,
        PhotoUrl = l.PhotoUrl,
        OpenSpaceCapacity = l.OpenSpaceCapacity,
        OpeningHours = OpeningWeek.ToInputs(l.OpeningHours),
        ClosedDays = [.. l.ClosedDays.Select(d => new ClosedDayInput { Date = d.Date, Reason = d.Reason })],
        VatRates = [.. l.VatRates.Select(v => new VatRateInput { Label = v.Label, Percent = VatRate.Percent(v.MilliPercent) })],
    };
}

internal sealed record OpeningPeriodInput
{
    public DayOfWeek Day { get; init; }

    /// "08:30"
    public string? Opens { get; init; }

    /// "19:00"
    public string? Closes { get; init; }
}

internal sealed record ClosedDayInput
{
    public DateOnly Date { get; init; }

    public string? Reason { get; init; }
}

internal sealed record VatRateInput
{
    public string Label { get; init; } = "";

    /// 20, 10, 5.5, 2.1, 14.975 (at most three decimals)
    public decimal Percent { get; init; }
}
