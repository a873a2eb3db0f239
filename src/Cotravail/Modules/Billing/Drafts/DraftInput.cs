using System.ComponentModel.DataAnnotations;
using Cotravail.Common;
using Cotravail.Common.Errors;

namespace Cotravail.Modules.Billing;

/// A draft invoice as staff type it, in the form and through the API: who pays, the period, the lines.
/// The buyer's printed identity comes from the company or the member unless given here.
internal sealed record DraftInput
{
    [Required(ErrorMessage = Messages.Required), Display(Name = "Location")]
    public Guid? LocationId { get; init; }

    public Guid? MemberId { get; init; }

    public Guid? CompanyId { get; init; }

    [StringLength(200, ErrorMessage = Messages.TooLong), Display(Name = "Customer name")]
    public string? BuyerName { get; init; }

    [AddressFields.Street]
    public string? BuyerStreet { get; init; }

    [AddressFields.PostalCode]
    public string? BuyerPostalCode { get; init; }

    [AddressFields.City(Optional = true)]
    public string? BuyerCity { get; init; }

    [AddressFields.CountryCode(Optional = true)]
    public string? BuyerCountryCode { get; init; }

    /// "fr" or "en": the document's and its email's language.
    [RegularExpression("^(fr|en)$", ErrorMessage = Messages.Format), Display(Name = "Language")]
    public string? Language { get; init; }

    /// The date or first day of the service, e.g. "2026-12-01".
    [StringLength(10, ErrorMessage = Messages.TooLong), Display(Name = "Service from")]
    public string? PeriodStart { get; init; }

    /// Its last day (inclusive); empty: one day.
    [StringLength(10, ErrorMessage = Messages.TooLong), Display(Name = "Service until")]
    public string? PeriodEnd { get; init; }

    [Required(ErrorMessage = Messages.Required), MinLength(1, ErrorMessage = Messages.Required), MaxLength(500, ErrorMessage = Messages.TooLong), Display(Name = "Lines")]
    public List<LineInput> Lines { get; init; } = [];
}

/// One line: amounts in the currency's major unit excluding VAT, the VAT rate in percent (20, 5.5).
internal sealed record LineInput
{
    [Required(ErrorMessage = Messages.Required), StringLength(500, ErrorMessage = Messages.TooLong), Display(Name = "Description")]
    public string Description { get; init; } = "";

    [Range(typeof(decimal), "0.001", "100000", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true, ErrorMessage = Messages.Range), Display(Name = "Quantity")]
    public decimal Quantity { get; init; } = 1;

    [Price, Display(Name = "Unit price excl. VAT")]
    public decimal UnitPrice { get; init; }

    [Price, Display(Name = "Discount")]
    public decimal Discount { get; init; }

    [Range(typeof(decimal), "0", "100", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true, ErrorMessage = Messages.Range), Display(Name = "VAT rate")]
    public decimal VatPercent { get; init; }

    /// The member this line is for, on a company's invoice.
    public Guid? MemberId { get; init; }
}
