namespace Cotravail.Modules.Billing;

/// Where an invoice stands: drafts aside, from what was credited and paid against it, and its due date.
internal enum PaymentState
{
    Draft,
    Unpaid,
    PartlyPaid,
    Paid,
    Overdue,
    Credited,
}

/// An invoice or credit note as the API and the pages show it; amounts in the currency's major unit,
/// VAT rates as percents (5.5). Credited, paid and due apply to invoices (0 on credit notes).
internal sealed record InvoiceResponse(
    Guid Id, DocumentKind Kind, InvoiceStatus Status, string? Number, DateOnly? IssueDate, DateOnly? DueDate, DateOnly? PeriodStart, DateOnly? PeriodEnd,
    string Currency, string Language, Guid LocationId, Guid? MemberId, Guid? CompanyId,
    BuyerResponse Buyer, IReadOnlyList<LineResponse> Lines, IReadOnlyList<VatResponse> Vat,
    decimal TotalExcludingVat, decimal TotalVat, decimal TotalIncludingVat, decimal Credited, decimal Paid, decimal Due, PaymentState State,
    Guid? CorrectsInvoiceId, string? CorrectsNumber, string? Note, IReadOnlyList<Guid> CreditNoteIds, string? Footprint, bool HasPdf,
    IReadOnlyList<PaymentResponse> Payments);

internal sealed record BuyerResponse(string Name, string Street, string PostalCode, string City, string CountryCode, string? Siren, string? VatNumber, string? Email);

internal sealed record LineResponse(Guid Id, int Position, string Description, decimal Quantity, decimal UnitPrice, decimal Discount, decimal TotalExcludingVat,
    decimal VatPercent, DateOnly? PeriodStart, DateOnly? PeriodEnd, Guid? MemberId, Guid? CreditsLineId);

internal sealed record VatResponse(decimal VatPercent, decimal Taxable, decimal Vat);

/// A payment received (a refund: negative), in the order received.
internal sealed record PaymentResponse(Guid Id, decimal Amount, PaymentMethod Method, DateOnly ReceivedOn, string? Reference);

/// One row of an invoice list.
internal sealed record InvoiceSummary(Guid Id, DocumentKind Kind, InvoiceStatus Status, string? Number, DateOnly? IssueDate, DateOnly? DueDate, string BuyerName,
    string Currency, decimal TotalIncludingVat, decimal Due, PaymentState State, Guid LocationId);
