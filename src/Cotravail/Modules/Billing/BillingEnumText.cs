namespace Cotravail.Modules.Billing;

/// English resource keys for the billing enums shown to people (the resource files translate them).
internal static class BillingEnumText
{
    public static string Of(DocumentKind kind) => kind switch
    {
        DocumentKind.Invoice => "Invoice",
        DocumentKind.CreditNote => "Credit note",
        _ => kind.ToString(),
    };

    public static string Of(PaymentState state) => state switch
    {
        PaymentState.Draft => "Draft",
        PaymentState.Unpaid => "Unpaid",
        PaymentState.PartlyPaid => "Partly paid",
        PaymentState.Paid => "Paid",
        PaymentState.Overdue => "Overdue",
        PaymentState.Credited => "Credited",
        _ => state.ToString(),
    };

    public static string Of(PaymentMethod method) => method switch
    {
        PaymentMethod.Transfer => "Bank transfer",
        PaymentMethod.Card => "Card",
        PaymentMethod.Cash => "Cash",
        PaymentMethod.Cheque => "Cheque",
        _ => method.ToString(),
    };

    /// The badge of a document: a credit note is drafted or issued, an invoice shows where its payment stands.
    public static string Badge(DocumentKind kind, PaymentState state) => (kind, state) switch
    {
        (DocumentKind.CreditNote, not PaymentState.Draft) => "Issued",
        _ => Of(state),
    };
}
