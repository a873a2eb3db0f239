using Cotravail.Common;

namespace Cotravail.Modules.Billing;

/// One line of an invoice or credit note (BG-25). Amounts are positive on both: a credit note's
/// kind says it reduces what is owed.
internal sealed class InvoiceLine
{
    private InvoiceLine()
    {
    }

    public InvoiceLine(string description, decimal quantity, long unitPriceCents, long discountCents, int vatMilliPercent,
        DateOnly? periodStart = null, DateOnly? periodEnd = null, Guid? memberId = null, Guid? chargeId = null)
    {
        Id = Guid.CreateVersion7();
        Description = description;
        Quantity = quantity;
        UnitPriceCents = unitPriceCents;
        DiscountCents = discountCents;
        VatMilliPercent = vatMilliPercent;
        PeriodStart = periodStart;
        PeriodEnd = periodEnd ?? periodStart;
        MemberId = memberId;
        ChargeId = chargeId;
        NetCents = Vat.LineNet(unitPriceCents, quantity, discountCents);
    }

    public Guid Id { get; private set; }

    public Guid InvoiceId { get; private set; }

    /// BT-126, from 1.
    public int Position { get; private set; }

    /// BT-153.
    public string Description { get; private set; } = "";

    /// BT-129, up to three decimals (hours, days).
    public decimal Quantity { get; private set; }

    /// BT-146, excluding VAT.
    public long UnitPriceCents { get; private set; }

    /// BT-136, a discount on the line excluding VAT.
    public long DiscountCents { get; private set; }

    /// BT-131 = round(unit price × quantity) − discount.
    public long NetCents { get; private set; }

    /// BT-152 in thousandths of a percent.
    public int VatMilliPercent { get; private set; }

    /// BT-134/BT-135.
    public DateOnly? PeriodStart { get; private set; }

    public DateOnly? PeriodEnd { get; private set; }

    /// The member the line is for on a company's invoice (lines per person).
    public Guid? MemberId { get; private set; }

    /// The charge it bills, so a charge is invoiced once.
    public Guid? ChargeId { get; private set; }

    /// On a credit note: the invoice line it reverses.
    public Guid? CreditsLineId { get; private set; }

    public void Place(Guid invoiceId, int position) => (InvoiceId, Position) = (invoiceId, position);

    /// The same line on a credit note, for some or all of its quantity: same price, discount share and VAT rate.
    public InvoiceLine CreditOf(decimal quantity)
    {
        var discount = quantity == Quantity ? DiscountCents : (long)Math.Round(DiscountCents * quantity / Quantity, MidpointRounding.AwayFromZero);
        return new InvoiceLine(Description, quantity, UnitPriceCents, discount, VatMilliPercent, PeriodStart, PeriodEnd, MemberId) { CreditsLineId = Id };
    }
}

/// One row of the VAT breakdown (BG-23): the taxable base and VAT of one rate.
internal sealed class InvoiceVat
{
    private InvoiceVat()
    {
    }

    public InvoiceVat(Guid invoiceId, int vatMilliPercent, long taxableCents, long vatCents) =>
        (InvoiceId, VatMilliPercent, TaxableCents, VatCents) = (invoiceId, vatMilliPercent, taxableCents, vatCents);

    public Guid InvoiceId { get; private set; }

    /// BT-119.
    public int VatMilliPercent { get; private set; }

    /// BT-116.
    public long TaxableCents { get; private set; }

    /// BT-117.
    public long VatCents { get; private set; }
}
