using System.Globalization;

namespace Cotravail.Modules.Locations;

/// A location as the API shows it; its description in the request's language (the other one when missing) and in both.
internal sealed record LocationResponse(
    Guid Id,
    string Slug,
    string Name,
    string Street,
    string PostalCode,
    string City,
    string CountryCode,
    double? Latitude,
    double? Longitude,
    string TimeZone,
    string Currency,
    string? Description,
    string? DescriptionFr,
    string? DescriptionEn,
    string? PhotoUrl,
    int OpenSpaceCapacity,
    bool IsActive,
    IReadOnlyList<OpeningPeriodInput> OpeningHours,
    IReadOnlyList<ClosedDayInput> ClosedDays,
    IReadOnlyList<VatRateInput> VatRates)
{
    public static LocationResponse From(Location l)
    {
        var input = LocationInput.From(l);
        return new(l.Id, l.Slug, l.Name, l.Street, l.PostalCode, l.City, l.CountryCode, l.Latitude, l.Longitude,
            l.TimeZone, l.Currency, l.Description.For(CultureInfo.CurrentCulture).Text, l.Description.Fr, l.Description.En, l.PhotoUrl, l.OpenSpaceCapacity, l.IsActive,
            input.OpeningHours, input.ClosedDays, input.VatRates);
    }
}
