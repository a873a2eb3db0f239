using System.ComponentModel.DataAnnotations;
using Cotravail.Common.Errors;
using Cotravail.Common.Localization;
using Cotravail.Modules.Locations;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Resources;

/// A resource as an operator describes it. Prices are in the location's currency (e.g. 25.50).
internal sealed record ResourceInput : IValidatableObject
{
    public const int DescriptionLength = 4000;

    [Required(ErrorMessage = Messages.Required), Display(Name = "Location")]
    public Guid? LocationId { get; init; }

    [Required(ErrorMessage = Messages.Required), StringLength(200, ErrorMessage = Messages.TooLong), Display(Name = "Name")]
    public string Name { get; init; } = "";

    [Required(ErrorMessage = Messages.Required), Display(Name = "Kind")]
    public ResourceKind? Kind { get; init; }

    [Range(1, 10000, ErrorMessage = Messages.Range), Display(Name = "Capacity")]
    public int Capacity { get; init; } = 1;

    public List<Amenity> Amenities { get; init; } = [];

    public List<Accessibility> Accessibility { get; init; } = [];

    /// Before descriptions had two languages: the French description. Ignored when DescriptionFr or DescriptionEn is given.
    [StringLength(DescriptionLength, ErrorMessage = Messages.TooLong), Display(Name = "Description")]
    public string? Description { get; init; }

    /// Shown to French readers, and to English ones when DescriptionEn is empty.
    [StringLength(DescriptionLength, ErrorMessage = Messages.TooLong), Display(Name = "Description in French")]
    public string? DescriptionFr { get; init; }

    /// Shown to English readers, and to French ones when DescriptionFr is empty.
    [StringLength(DescriptionLength, ErrorMessage = Messages.TooLong), Display(Name = "Description in English")]
    public string? DescriptionEn { get; init; }

    [Price, Display(Name = "Member price per hour")]
    public decimal? MemberHourly { get; init; }

    [Price, Display(Name = "Member price per half-day")]
    public decimal? MemberHalfDay { get; init; }

    [Price, Display(Name = "Member price per day")]
    public decimal? MemberDay { get; init; }

    [Price, Display(Name = "Non-member price per hour")]
    public decimal? NonMemberHourly { get; init; }

    [Price, Display(Name = "Non-member price per half-day")]
    public decimal? NonMemberHalfDay { get; init; }

    [Price, Display(Name = "Non-member price per day")]
    public decimal? NonMemberDay { get; init; }

    /// Rates (default), Free, or PlansOnly: booked only by members whose plan or pass covers it.
    public ResourcePricing? Pricing { get; init; }

    /// The booking rules; on create, omitted = the defaults; on update, omitted = unchanged (given, it replaces them all).
    public BookingPolicyInput? Policy { get; init; }

    /// Its own weekly periods ("day", "opens", "closes"), one per weekday, within its location's: they narrow them.
    /// Empty: it follows its location's hours; on update, omitted = unchanged.
    public List<OpeningPeriodInput>? OpeningHours { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var l = validationContext.GetRequiredService<IStringLocalizer<SharedResource>>();
        (string Field, decimal? Value)[] prices =
        [
            (nameof(MemberHourly), MemberHourly), (nameof(MemberHalfDay), MemberHalfDay), (nameof(MemberDay), MemberDay),
            (nameof(NonMemberHourly), NonMemberHourly), (nameof(NonMemberHalfDay), NonMemberHalfDay), (nameof(NonMemberDay), NonMemberDay),
        ];
        foreach (var (field, value) in prices.Where(p => p.Value is { } v && decimal.Round(v, 2) != v))
        {
            yield return new(l["Prices have at most two decimals."], [field]);
        }
        if (Kind is ResourceKind.Equipment or ResourceKind.DedicatedDesk && Capacity != 1)
        {
            yield return new(l["A desk or a piece of equipment has a capacity of 1."], [nameof(Capacity)]);
        }
        if (Pricing is { } pricing && !Enum.IsDefined(pricing))
        {
            yield return new(l["Unknown pricing."], [nameof(Pricing)]);
        }
        if (Amenities.Any(a => !Enum.IsDefined(a)) || Accessibility.Any(a => !Enum.IsDefined(a)))
        {
            yield return new(l["Unknown amenity or accessibility feature."], [nameof(Amenities)]);
        }
        foreach (var result in OpeningWeek.Validate(OpeningHours ?? [], nameof(OpeningHours), l))
        {
            yield return result;
        }
    }

    /// Both languages, or the legacy Description as the French text when neither is given.
    public BilingualText Descriptions() => DescriptionFr is null && DescriptionEn is null
        ? BilingualText.Of(Description, null)
        : BilingualText.Of(DescriptionFr, DescriptionEn);

    public Rates ToRates() => new(Cents(MemberHourly), Cents(MemberHalfDay), Cents(MemberDay),
        Cents(NonMemberHourly), Cents(NonMemberHalfDay), Cents(NonMemberDay));

    public void ApplyTo(Resource resource)
    {
        resource.Name = Name.Trim();
        resource.Kind = Kind!.Value;
        resource.Capacity = Capacity;
        resource.Amenities = Amenities.Aggregate(Amenity.None, (all, a) => all | a);
        resource.Accessibility = Accessibility.Aggregate(Resources.Accessibility.None, (all, a) => all | a);
        resource.Description = Descriptions();
        resource.Rates = ToRates();
        resource.Pricing = Pricing ?? ResourcePricing.Rates;
        if (Policy is not null)
        {
            resource.Policy = Policy.ToPolicy();
        }
        if (OpeningHours is not null)
        {
            resource.SetOpeningHours(OpeningWeek.ToPeriods(OpeningHours));
        }
    }

    public static ResourceInput From(Resource r) => new()
    {
        LocationId = r.LocationId,
        Name = r.Name,
        Kind = r.Kind,
        Capacity = r.Capacity,
        Amenities = [.. EnumText.Flags(r.Amenities)],
        Accessibility = [.. EnumText.Flags(r.Accessibility)],
        DescriptionFr = r.Description.Fr,
        DescriptionEn = r.Description.En,
        MemberHourly = Units(r.Rates.MemberHourly),
        MemberHalfDay = Units(r.Rates.MemberHalfDay),
        MemberDay = Units(r.Rates.MemberDay),
        NonMemberHourly = Units(r.Rates.NonMemberHourly),
        NonMemberHalfDay = Units(r.Rates.NonMemberHalfDay),
        NonMemberDay = Units(r.Rates.NonMemberDay),
        Pricing = r.Pricing,
        Policy = BookingPolicyInput.From(r.Policy),
        OpeningHours = OpeningWeek.ToInputs(r.OpeningHours),
    };

    private static long? Cents(decimal? units) => units is { } u ? (long)decimal.Round(u * 100m) : null;

    private static decimal? Units(long? cents) => cents / 100m;
}
