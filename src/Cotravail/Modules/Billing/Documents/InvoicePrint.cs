namespace Cotravail.Modules.Billing;

internal enum DocumentKind { Invoice, CreditNote }

/// What one issued invoice or credit note prints; every amount in cents of Currency, rates in thousandths of a percent (20_000 = 20 %).
internal sealed record InvoicePrint(
    DocumentKind Kind, string Number, DateOnly IssueDate, DateOnly? DueDate,
    DateOnly? PeriodStart, DateOnly? PeriodEnd,           // date or period of the service (BT-73/74); may equal for one day
    string Currency, string Language,                     // "fr" or "en"
    PrintSeller Seller, PrintBuyer Buyer,
    IReadOnlyList<PrintLine> Lines, IReadOnlyList<PrintVat> VatBreakdown,
    long NetTotalCents, long VatTotalCents, long GrossTotalCents, long AmountDueCents,
    int LatePenaltyMilliPercent,                          // annual late-payment penalty rate, e.g. 12_150 = 12.15 %
    string? EarlyPaymentDiscount,                         // null = "no discount for early payment" mention
    string? PaymentTerms,                                 // free text, e.g. "Bank transfer, IBAN FR76 …"
    string? CorrectsNumber, DateOnly? CorrectsIssueDate,  // credit note: the invoice it corrects
    string Footprint);                                    // SHA-256 hex of the chained content, printed small at the bottom

internal sealed record PrintSeller(string LegalName, string LegalForm, string? ShareCapital, string Street, string PostalCode, string City, string CountryCode,
    string? Siren, string? Siret, string? RcsCity, string? VatNumber, bool VatFranchise, bool VatOnDebits, string? Email);

internal sealed record PrintBuyer(string Name, string Street, string PostalCode, string City, string CountryCode, string? Siren, string? VatNumber, string? Attention);

internal sealed record PrintLine(string Description, decimal Quantity, long UnitPriceCents, long DiscountCents, long NetCents, int VatMilliPercent, DateOnly? PeriodStart, DateOnly? PeriodEnd);

internal sealed record PrintVat(int VatMilliPercent, long TaxableCents, long VatCents);
