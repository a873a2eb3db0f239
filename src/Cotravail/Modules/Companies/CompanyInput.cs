using System.ComponentModel.DataAnnotations;
using Cotravail.Common;
using Cotravail.Common.Email;
using Cotravail.Common.Errors;
using Cotravail.Common.Localization;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Companies;

internal sealed record CompanyInput : IValidatableObject
{
    [Required(ErrorMessage = Messages.Required), StringLength(200, ErrorMessage = Messages.TooLong), Display(Name = "Legal name")]
    public string LegalName { get; init; } = "";

    [StringLength(9, ErrorMessage = Messages.TooLong), Display(Name = "SIREN")]
    public string? Siren { get; init; }

    [StringLength(15, ErrorMessage = Messages.TooLong), Display(Name = "VAT number")]
    public string? VatNumber { get; init; }

    [AddressFields.Street]
    public string? Street { get; init; }

    [AddressFields.PostalCode]
    public string? PostalCode { get; init; }

    [AddressFields.City]
    public string City { get; init; } = "";

    [AddressFields.CountryCode]
    public string CountryCode { get; init; } = "FR";

    [Required(ErrorMessage = Messages.Required), StringLength(200, ErrorMessage = Messages.TooLong), Display(Name = "Billing contact")]
    public string BillingContactName { get; init; } = "";

    [Required(ErrorMessage = Messages.Required), ValidEmail, StringLength(256, ErrorMessage = Messages.TooLong), Display(Name = "Billing email")]
    public string BillingEmail { get; init; } = "";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var l = validationContext.GetRequiredService<IStringLocalizer<SharedResource>>();
        if (!string.IsNullOrWhiteSpace(Siren) && !FrenchIds.IsSiren(Siren.Replace(" ", "", StringComparison.Ordinal)))
        {
            yield return new(l["A SIREN has 9 digits with a valid check digit."], [nameof(Siren)]);
        }
        if (!string.IsNullOrWhiteSpace(VatNumber) && !FrenchIds.IsVatNumber(VatNumber.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()))
        {
            yield return new(l["This VAT number is not valid."], [nameof(VatNumber)]);
        }
    }

    public void ApplyTo(Company company)
    {
        company.LegalName = LegalName.Trim();
        company.Siren = Clean(Siren);
        company.VatNumber = Clean(VatNumber)?.ToUpperInvariant();
        company.Street = Street?.Trim() ?? "";
        company.PostalCode = PostalCode?.Trim() ?? "";
        company.City = City.Trim();
        company.CountryCode = CountryCode;
        company.BillingContactName = BillingContactName.Trim();
        company.BillingEmail = EmailText.Canonical(BillingEmail);
    }

    public static CompanyInput From(Company c) => new()
    {
        LegalName = c.LegalName,
        Siren = c.Siren,
        VatNumber = c.VatNumber,
        Street = c.Street,
        PostalCode = c.PostalCode,
        City = c.City,
        CountryCode = c.CountryCode,
        BillingContactName = c.BillingContactName,
        BillingEmail = c.BillingEmail,
    };

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Replace(" ", "", StringComparison.Ordinal);
}

internal sealed record CompanyResponse(
    Guid Id,
    string LegalName,
    string? Siren,
    string? VatNumber,
    string Street,
    string PostalCode,
    string City,
    string CountryCode,
    string BillingContactName,
    string BillingEmail,
    int MemberCount,
    int PaidMemberCount,
    bool IsActive);
