using System.ComponentModel.DataAnnotations;
using Cotravail.Common;
using Cotravail.Common.Email;
using Cotravail.Common.Errors;
using Cotravail.Common.Localization;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Network;

/// The network's name and the legal identity printed on its invoices.
internal sealed record NetworkInput : IValidatableObject
{
    [Required(ErrorMessage = Messages.Required), StringLength(200, ErrorMessage = Messages.TooLong), Display(Name = "Name")]
    public string Name { get; init; } = "";

    public const int TaglineLength = 300;

    /// In French; English readers see it too while TaglineEn is empty.
    [StringLength(TaglineLength, ErrorMessage = Messages.TooLong), Display(Name = "Tagline in French")]
    public string? Tagline { get; init; }

    /// In English; French readers see it too while Tagline is empty.
    [StringLength(TaglineLength, ErrorMessage = Messages.TooLong), Display(Name = "Tagline in English")]
    public string? TaglineEn { get; init; }

    [Required(ErrorMessage = Messages.Required), StringLength(200, ErrorMessage = Messages.TooLong), Display(Name = "Legal name")]
    public string LegalName { get; init; } = "";

    [Required(ErrorMessage = Messages.Required), StringLength(100, ErrorMessage = Messages.TooLong), Display(Name = "Legal form")]
    public string LegalForm { get; init; } = "";

    /// As printed, e.g. "10 000 €"; required on a company's invoices, none for an association.
    [StringLength(50, ErrorMessage = Messages.TooLong), Display(Name = "Share capital")]
    public string? ShareCapital { get; init; }

    [StringLength(9, ErrorMessage = Messages.TooLong), Display(Name = "SIREN")]
    public string? Siren { get; init; }

    [StringLength(14, ErrorMessage = Messages.TooLong), Display(Name = "SIRET")]
    public string? Siret { get; init; }

    [StringLength(15, ErrorMessage = Messages.TooLong), Display(Name = "VAT number")]
    public string? VatNumber { get; init; }

    public bool VatFranchise { get; init; }

    [Required(ErrorMessage = Messages.Required), StringLength(300, ErrorMessage = Messages.TooLong), Display(Name = "Street")]
    public string Street { get; init; } = "";

    [Required(ErrorMessage = Messages.Required), StringLength(20, ErrorMessage = Messages.TooLong), Display(Name = "Postal code")]
    public string PostalCode { get; init; } = "";

    [Required(ErrorMessage = Messages.Required), StringLength(100, ErrorMessage = Messages.TooLong), Display(Name = "City")]
    public string City { get; init; } = "";

    [Required(ErrorMessage = Messages.Required), RegularExpression("^[A-Z]{2}$", ErrorMessage = Messages.Format), Display(Name = "Country code")]
    public string CountryCode { get; init; } = "FR";

    [StringLength(100, ErrorMessage = Messages.TooLong), Display(Name = "RCS city")]
    public string? RcsCity { get; init; }

    [ValidEmail, StringLength(256, ErrorMessage = Messages.TooLong), Display(Name = "Email")]
    public string? Email { get; init; }

    [ValidEmail, StringLength(256, ErrorMessage = Messages.TooLong), Display(Name = "Privacy contact email")]
    public string? PrivacyContactEmail { get; init; }

    [StringLength(300, ErrorMessage = Messages.TooLong), Display(Name = "Website")]
    public string? Website { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var l = validationContext.GetRequiredService<IStringLocalizer<SharedResource>>();
        if (!string.IsNullOrWhiteSpace(Siren) && !FrenchIds.IsSiren(Siren))
        {
            yield return new(l["A SIREN has 9 digits with a valid check digit."], [nameof(Siren)]);
        }
        if (!string.IsNullOrWhiteSpace(Siret) && (!FrenchIds.IsSiret(Siret) || (Siren is { Length: 9 } && !Siret.StartsWith(Siren, StringComparison.Ordinal))))
        {
            yield return new(l["A SIRET has 14 digits, starts with the SIREN and has a valid check digit."], [nameof(Siret)]);
        }
        if (!string.IsNullOrWhiteSpace(VatNumber) && !FrenchIds.IsVatNumber(VatNumber))
        {
            yield return new(l["This VAT number is not valid."], [nameof(VatNumber)]);
        }
        if (!VatFranchise && string.IsNullOrWhiteSpace(VatNumber))
        {
            yield return new(l["Give the VAT number, or tick the VAT franchise (art. 293 B du CGI)."], [nameof(VatNumber)]);
        }
        if (Website is { Length: > 0 } && !(Uri.TryCreate(Website, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
        {
            yield return new(l["Enter an http(s) address."], [nameof(Website)]);
        }
    }

    public void ApplyTo(NetworkProfile n)
    {
        n.Name = Name.Trim();
        n.Tagline = BilingualText.Of(Tagline, TaglineEn);
        n.LegalName = LegalName.Trim();
        n.LegalForm = LegalForm.Trim();
        n.ShareCapital = Blank(ShareCapital);
        n.Siren = Blank(Siren);
        n.Siret = Blank(Siret);
        n.VatNumber = Blank(VatNumber)?.ToUpperInvariant();
        n.VatFranchise = VatFranchise;
        n.Street = Street.Trim();
        n.PostalCode = PostalCode.Trim();
        n.City = City.Trim();
        n.CountryCode = CountryCode;
        n.RcsCity = Blank(RcsCity);
        n.Email = Blank(Email) is { } email ? EmailText.Normalize(email) : null;
        n.PrivacyContactEmail = Blank(PrivacyContactEmail) is { } privacy ? EmailText.Normalize(privacy) : null;
        n.Website = Blank(Website);
    }

    public static NetworkInput From(NetworkProfile n) => new()
    {
        Name = n.Name,
        Tagline = n.Tagline.Fr,
        TaglineEn = n.Tagline.En,
        LegalName = n.LegalName,
        LegalForm = n.LegalForm,
        ShareCapital = n.ShareCapital,
        Siren = n.Siren,
        Siret = n.Siret,
        VatNumber = n.VatNumber,
        VatFranchise = n.VatFranchise,
        Street = n.Street,
        PostalCode = n.PostalCode,
        City = n.City,
        CountryCode = n.CountryCode,
        RcsCity = n.RcsCity,
        Email = n.Email,
        PrivacyContactEmail = n.PrivacyContactEmail,
        Website = n.Website,
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
