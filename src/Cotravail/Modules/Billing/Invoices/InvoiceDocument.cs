namespace Cotravail.Modules.Billing;

/// The PDF of an issued document, rendered once and kept with its hash; never changed (database triggers).
internal sealed class InvoiceDocument
{
    private InvoiceDocument()
    {
    }

    public InvoiceDocument(Guid invoiceId, string fileName, byte[] content, DateTime now)
    {
        InvoiceId = invoiceId;
        FileName = fileName;
        Content = content;
        Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
        CreatedAt = now;
    }

    public Guid InvoiceId { get; private set; }

    public string FileName { get; private set; } = "";

    public byte[] Content { get; private set; } = [];

    public string Sha256 { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }
}
