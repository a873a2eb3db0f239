using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cotravail.Modules.Billing;

internal sealed class ChargeConfiguration : IEntityTypeConfiguration<Charge>
{
    public void Configure(EntityTypeBuilder<Charge> builder)
    {
        builder.ToTable("Charges", t =>
        {
            t.HasCheckConstraint("CK_Charges_Amounts", "\"Quantity\" > 0 AND \"UnitPriceCents\" >= 0 AND \"VatMilliPercent\" BETWEEN 0 AND 100000");
            t.HasCheckConstraint("CK_Charges_Payer", "\"MemberId\" IS NOT NULL OR \"CompanyId\" IS NOT NULL");
        });
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Source).HasConversion<string>().HasMaxLength(30);
        builder.Property(c => c.SourcePeriod).HasMaxLength(7);
        builder.Property(c => c.Description).HasMaxLength(500);
        builder.Property(c => c.Quantity).HasPrecision(12, 3);
        builder.Property(c => c.Currency).HasMaxLength(3);
        builder.Ignore(c => c.PayerId);
        // Deleting a draft gives its charges back (pending again); an issued line is never deleted (sealed).
        builder.HasOne<InvoiceLine>().WithMany().HasForeignKey(c => c.InvoiceLineId).OnDelete(DeleteBehavior.SetNull);
        // The same booking, fee or month of an assignment is charged once.
        builder.HasIndex(c => new { c.Source, c.SourceId, c.SourcePeriod }).IsUnique();
        builder.HasIndex(c => new { c.SourcePeriod, c.InvoiceLineId });
        builder.HasIndex(c => c.InvoiceLineId).IsUnique().HasFilter("\"InvoiceLineId\" IS NOT NULL");
        builder.HasIndex(c => c.MemberId);
        builder.HasIndex(c => c.CompanyId);
    }
}
