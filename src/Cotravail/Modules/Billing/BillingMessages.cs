namespace Cotravail.Modules.Billing;

/// Resource keys of the module's messages (French in tools/fr-billing.tsv).
internal static class BillingMessages
{
    public const string AlreadyIssued = "This document is issued: it can no longer be changed or deleted. A credit note corrects it.";
    public const string NoLines = "Add at least one line.";
    public const string ZeroTotal = "An invoice of 0 is never issued.";
    public const string BuyerAddressMissing = "The customer's name and address are printed on the invoice: fill them in.";
    public const string MoreThanInvoiced = "A credit note cannot credit more than the invoice line still holds.";
    public const string UnknownVatRate = "This VAT rate is not one of the location's rates.";
    public const string NotAnInvoice = "Only an issued invoice can be credited.";
    public const string UnknownLine = "This line is not on the invoice.";
    public const string PeriodBackwards = "The period ends before it starts.";
    public const string DiscountTooLarge = "The discount is larger than the line.";
    public const string Overpaid = "This payment is more than what is left to pay.";
    public const string RefundTooLarge = "A refund cannot exceed what was paid.";
    public const string NoCustomer = "Choose the member or the company to bill.";
    public const string AddressFirst = "Add your postal address to your profile first: an invoice needs it.";
    public const string NotADate = "Give a date such as 2026-12-01.";
    public const string SellerIncomplete = "Fill in the network's legal identity (legal name, address, SIREN) before issuing invoices.";
    public const string NotADraft = "Only a draft can be changed or deleted.";
}
