namespace Cotravail.Modules.Billing;

/// The numbering series: one continuous chronological series per seller and kind (F-000001…, AV-000001…).
internal static class InvoiceSeries
{
    public const string Invoices = "F";

    public const string CreditNotes = "AV";

    public static string Of(DocumentKind kind) => kind == DocumentKind.Invoice ? Invoices : CreditNotes;

    public static string Format(string series, long sequence) => $"{series}-{sequence:D6}";
}
