using System.ComponentModel.DataAnnotations;
using Cotravail.Common.Errors;
using Cotravail.Modules.Locations;

namespace Cotravail.Modules.Billing;

/// The seller's invoicing terms as the network admin edits them, in the form and through the API.
internal sealed record TermsInput
{
    /// Days from issue to due date; French law caps it at 60.
    [Range(0, 60, ErrorMessage = Messages.Range), Display(Name = "Payment term in days")]
    public int PaymentDays { get; init; } = 30;

    /// Yearly late-payment penalty rate in percent, e.g. 12.15.
    [Range(typeof(decimal), "0", "100", ParseLimitsInInvariantCulture = true, ConvertValueInInvariantCulture = true, ErrorMessage = Messages.Range),
     Display(Name = "Late-payment penalty rate")]
    public decimal LatePenaltyPercent { get; init; } = 12.15m;

    /// Early-payment discount terms; empty prints "no discount for early payment".
    [StringLength(300, ErrorMessage = Messages.TooLong), Display(Name = "Early-payment discount")]
    public string? EarlyPaymentDiscount { get; init; }

    /// How to pay, e.g. bank details.
    [StringLength(500, ErrorMessage = Messages.TooLong), Display(Name = "Payment terms")]
    public string? PaymentTerms { get; init; }

    public bool VatOnDebits { get; init; }

    public void ApplyTo(BillingTerms t)
    {
        t.PaymentDays = PaymentDays;
        t.LatePenaltyMilliPercent = VatRate.MilliPercentOf(LatePenaltyPercent);
        t.EarlyPaymentDiscount = string.IsNullOrWhiteSpace(EarlyPaymentDiscount) ? null : EarlyPaymentDiscount.Trim();
        t.PaymentTerms = string.IsNullOrWhiteSpace(PaymentTerms) ? null : PaymentTerms.Trim();
        t.VatOnDebits = VatOnDebits;
    }

    public static TermsInput From(BillingTerms t) => new()
    {
        PaymentDays = t.PaymentDays,
        LatePenaltyPercent = VatRate.Percent(t.LatePenaltyMilliPercent),
        EarlyPaymentDiscount = t.EarlyPaymentDiscount,
        PaymentTerms = t.PaymentTerms,
        VatOnDebits = t.VatOnDebits,
    };
}
