namespace Cotravail.Modules.Billing;

internal enum PaymentMethod
{
    Transfer,
    Card,
    Cash,
    Cheque,
}

/// Money received against an issued invoice. Append-only like invoices: the database refuses any
/// change or deletion; a mistake is corrected by a refund row (negative amount) with its reason.
internal sealed class Payment
{
    private Payment()
    {
    }

    public Payment(Guid invoiceId, long amountCents, string currency, PaymentMethod method, DateOnly receivedOn, string? reference, Guid recordedByUserId, DateTime now)
    {
        Id = Guid.CreateVersion7();
        InvoiceId = invoiceId;
        AmountCents = amountCents;
        Currency = currency;
        Method = method;
        ReceivedOn = receivedOn;
        Reference = reference;
        RecordedByUserId = recordedByUserId;
        RecordedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid InvoiceId { get; private set; }

    /// Positive received, negative refunded.
    public long AmountCents { get; private set; }

    public string Currency { get; private set; } = "EUR";

    public PaymentMethod Method { get; private set; }

    public DateOnly ReceivedOn { get; private set; }

    /// The transfer's reference, the cheque's number, a refund's reason.
    public string? Reference { get; private set; }

    public Guid RecordedByUserId { get; private set; }

    public DateTime RecordedAt { get; private set; }
}
