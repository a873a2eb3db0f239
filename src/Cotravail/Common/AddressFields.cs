using System.Collections.Frozen;
using System.ComponentModel.DataAnnotations;
using Cotravail.Common.Errors;
using Cotravail.Common.Localization;
using Microsoft.Extensions.Localization;

namespace Cotravail.Common;

/// The fields of a postal address, each defined once (ADR 16): its name, limits and format. The company's billing
/// address (city and country required) and the member's (all optional) carry these attributes; the tables take their
/// column sizes from the same limits.
internal static class AddressFields
{
    public const int StreetLength = 300;
    public const int PostalCodeLength = 20;
    public const int CityLength = 100;
    public const int CountryCodeLength = 2;

    /// ISO 3166-1 alpha-2, upper case.
    public const string CountryCodePattern = "^[A-Z]{2}$";

    public const string Incomplete = "An address needs a street and a city; leave all its fields empty for none.";

    public const string FrenchPostalCode = "A French postal code has 5 digits.";

    /// A street, postal code or city as stored: trimmed, null when blank.
    public static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// What an optional address (a member's) must hold once any of it is given, so an invoice can be issued to it:
    /// a street and a city, and in France a postal code of 5 digits. Null when it is fine or wholly empty.
    public static Invalid? Incompleteness(string? street, string? postalCode, string? city, string? countryCode)
    {
        var (s, p, c) = (Text(street), Text(postalCode), Text(city));
        if (s is null && p is null && c is null)
        {
            return null;
        }
        if (s is null || c is null)
        {
            return new Invalid(s is null ? "Street" : "City", Incomplete);
        }
        return (Text(countryCode) ?? "FR") == "FR" && !(p is { Length: 5 } && p.All(char.IsAsciiDigit))
            ? new Invalid("PostalCode", FrenchPostalCode)
            : null;
    }

    internal sealed class StreetAttribute() : FieldRulesAttribute("Street")
    {
        public override IEnumerable<ValidationAttribute> GetValidationAttributes() =>
            [new StringLengthAttribute(StreetLength) { ErrorMessage = Messages.TooLong }];
    }

    internal sealed class PostalCodeAttribute() : FieldRulesAttribute("Postal code")
    {
        public override IEnumerable<ValidationAttribute> GetValidationAttributes() =>
            [new StringLengthAttribute(PostalCodeLength) { ErrorMessage = Messages.TooLong }];
    }

    /// Required on a company; optional in a member's address.
    internal sealed class CityAttribute() : FieldRulesAttribute("City")
    {
        public bool Optional { get; set; }

        public override IEnumerable<ValidationAttribute> GetValidationAttributes() =>
            [.. Required(Optional), new StringLengthAttribute(CityLength) { ErrorMessage = Messages.TooLong }];
    }

    /// Two upper-case letters that ISO 3166-1 gives a country ("FR", "BE"); required on a company.
    internal sealed class CountryCodeAttribute() : FieldRulesAttribute("Country code")
    {
        public bool Optional { get; set; }

        public override IEnumerable<ValidationAttribute> GetValidationAttributes() =>
            [.. Required(Optional), new RegularExpressionAttribute(CountryCodePattern) { ErrorMessage = Messages.Format }, new AssignedCountryAttribute()];
    }

    private static ValidationAttribute[] Required(bool optional) => optional ? [] : [new RequiredAttribute { ErrorMessage = Messages.Required }];

    /// Refuses a code of the right shape that no country has ("XX"); the shape is the pattern's to check. MVC has no
    /// adapter to localize its message, so it says it localized itself (the API's validator formats the same template).
    private sealed class AssignedCountryAttribute : ValidationAttribute
    {
        public AssignedCountryAttribute() => ErrorMessage = Messages.Format;

        public override bool IsValid(object? value) =>
            value is not string { Length: 2 } code || !code.All(char.IsAsciiLetterUpper) || Countries.Contains(code);

        protected override ValidationResult? IsValid(object? value, ValidationContext context)
        {
            if (IsValid(value))
            {
                return ValidationResult.Success;
            }
            var l = context.GetService(typeof(IStringLocalizer<SharedResource>)) as IStringLocalizer;
            var message = l is null ? FormatErrorMessage(context.DisplayName) : l[ErrorMessageString, context.DisplayName].Value;
            return new ValidationResult(message, context.MemberName is { } member ? [member] : null);
        }
    }

    /// ISO 3166-1 alpha-2 as Debian's iso-codes package lists it (249 codes).
    private static readonly FrozenSet<string> Countries = (
        "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ " +
        "BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR " +
        "CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
        "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU " +
        "ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ " +
        "LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ " +
        "MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF " +
        "PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI " +
        "SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR " +
        "TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW").Split(' ').ToFrozenSet(StringComparer.Ordinal);
}
