using System.Globalization;
using Cotravail.Modules.Locations;

namespace Cotravail.Modules.Resources;

/// A resource as the API shows it; its description in the request's language (the other one when missing) and in both.
internal sealed record ResourceResponse(
    Guid Id,
    Guid LocationId,
    string LocationName,
    string Currency,
    string Name,
    ResourceKind Kind,
    int Capacity,
    IReadOnlyList<Amenity> Amenities,
    IReadOnlyList<Accessibility> Accessibility,
    string? Description,
    string? DescriptionFr,
    string? DescriptionEn,
    decimal? MemberHourly,
    decimal? MemberHalfDay,
    decimal? MemberDay,
    decimal? NonMemberHourly,
    decimal? NonMemberHalfDay,
    decimal? NonMemberDay,
    ResourcePricing Pricing,
    BookingPolicyInput Policy,
    bool IsActive)
{
    /// Its own weekly periods; empty when it follows its location's hours.
    public IReadOnlyList<OpeningPeriodInput> OpeningHours { get; init; } = [];

    public static ResourceResponse From(Resource r, string locationName, string currency)
    {
        var input = ResourceInput.From(r);
        return new(r.Id, r.LocationId, locationName, currency, r.Name, r.Kind, r.Capacity, input.Amenities, input.Accessibility,
            r.Description.For(CultureInfo.CurrentCulture).Text, r.Description.Fr, r.Description.En, input.MemberHourly, input.MemberHalfDay, input.MemberDay, input.NonMemberHourly, input.NonMemberHalfDay,
            input.NonMemberDay, r.Pricing, input.Policy!, r.IsActive) { OpeningHours = input.OpeningHours! };
    }
}
