namespace Cotravail.Modules.Billing;

/// The last number taken in one series of one seller. Issuing increments it inside the issuing
/// transaction (never a database sequence, which leaves gaps on rollback); triggers refuse any step back.
internal sealed class InvoiceCounter
{
    private InvoiceCounter()
    {
    }

    public InvoiceCounter(int sellerId, string series) => (SellerId, Series) = (sellerId, series);

    public int SellerId { get; private set; }

    public string Series { get; private set; } = "";

    public long LastNumber { get; private set; }

    /// Issue dates never go backwards within a series.
    public DateOnly? LastIssueDate { get; private set; }
}

/// The head of a seller's footprint chain: every issued document, invoices and credit notes alike, in
/// issuing order. Its row is the issuing lock: one issue at a time per seller.
internal sealed class DocumentChain
{
    private DocumentChain()
    {
    }

    public DocumentChain(int sellerId) => SellerId = sellerId;

    public int SellerId { get; private set; }

    public long LastIndex { get; private set; }

    public string LastFootprint { get; private set; } = InvoiceFootprint.Genesis;
}
