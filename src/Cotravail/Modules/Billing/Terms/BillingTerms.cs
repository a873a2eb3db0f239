using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cotravail.Modules.Billing;

/// The seller's invoicing terms (one seller per installation: the network, ADR 18), printed on every
/// invoice with the legal identity kept in NetworkProfile.
internal sealed class BillingTerms
{
    public const int SellerId = 1;

    /// Days between issue and due date (French law caps it at 60 days, or 45 end of month).
    public int PaymentDays { get; set; } = 30;

    /// Yearly late-payment penalty rate (mandatory mention), default: the ECB refinancing rate plus 10 points.
    public int LatePenaltyMilliPercent { get; set; } = 12_150;

    /// Early-payment discount terms; none printed as "no discount for early payment".
    public string? EarlyPaymentDiscount { get; set; }

    /// How to pay (bank details…), printed as given.
    public string? PaymentTerms { get; set; }

    /// The seller opted to pay VAT on debits (mention required when chosen).
    public bool VatOnDebits { get; set; }

    public int Id { get; private set; } = SellerId;
}

internal sealed class BillingTermsConfiguration : IEntityTypeConfiguration<BillingTerms>
{
    public void Configure(EntityTypeBuilder<BillingTerms> builder)
    {
        builder.ToTable("BillingTerms", t => t.HasCheckConstraint("CK_BillingTerms_Values", "\"PaymentDays\" BETWEEN 0 AND 60 AND \"LatePenaltyMilliPercent\" >= 0"));
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.EarlyPaymentDiscount).HasMaxLength(300);
        builder.Property(t => t.PaymentTerms).HasMaxLength(500);
    }
}
