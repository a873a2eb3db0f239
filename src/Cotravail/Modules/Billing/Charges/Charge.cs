namespace Cotravail.Modules.Billing;

/// Where a charge comes from; with SourceId and SourcePeriod it says what was charged, once.
internal enum ChargeSource
{
    Booking,
    LateCancellationFee,
    Assignment,
    Product,
    Manual,

    /// A pass or bundle bought, a month of a monthly plan, a year of an annual plan or of the membership (ADR 21).
    Subscription,
}

/// One billable thing waiting to become an invoice line: a booking, a late-cancellation fee, a month of a
/// desk or office, a product sold at the desk. Pending while InvoiceLineId is null; billed charges never
/// change (the entity refuses, and the database's sealed triggers once the invoice is issued).
internal sealed class Charge
{
    private Charge()
    {
    }

    public Charge(Guid locationId, Guid? memberId, Guid? companyId, ChargeSource source, Guid? sourceId, string sourcePeriod, string description,
        decimal quantity, long unitPriceCents, int vatMilliPercent, string currency, DateOnly serviceDate, DateOnly? serviceEnd, DateTime now)
    {
        Id = Guid.CreateVersion7();
        LocationId = locationId;
        MemberId = memberId;
        CompanyId = companyId;
        Source = source;
        SourceId = sourceId;
        SourcePeriod = sourcePeriod;
        Description = description;
        Quantity = quantity;
        UnitPriceCents = unitPriceCents;
        VatMilliPercent = vatMilliPercent;
        Currency = currency;
        ServiceDate = serviceDate;
        ServiceEnd = serviceEnd;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid LocationId { get; private set; }

    /// The member it is for (null for a company's own charge).
    public Guid? MemberId { get; private set; }

    /// The payer when a company pays: for itself or for its member billed to it.
    public Guid? CompanyId { get; private set; }

    public ChargeSource Source { get; private set; }

    /// The booking or assignment charged (null for manual charges and products).
    public Guid? SourceId { get; private set; }

    /// The billing period it belongs to, "2026-11".
    public string SourcePeriod { get; private set; } = "";

    public string Description { get; private set; } = "";

    public decimal Quantity { get; private set; }

    public long UnitPriceCents { get; private set; }

    public int VatMilliPercent { get; private set; }

    public string Currency { get; private set; } = "EUR";

    /// The local date of the service, or the first day of the period served.
    public DateOnly ServiceDate { get; private set; }

    /// The last day served (inclusive) for a period; null for one day.
    public DateOnly? ServiceEnd { get; private set; }

    /// The invoice line billing it; null while pending.
    public Guid? InvoiceLineId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// Who pays: the company when there is one, else the member.
    public Guid PayerId => CompanyId ?? MemberId!.Value;

    public void BillOn(Guid invoiceLineId)
    {
        if (InvoiceLineId is not null)
        {
            throw new InvalidOperationException("A charge is billed once.");
        }
        InvoiceLineId = invoiceLineId;
    }
}
