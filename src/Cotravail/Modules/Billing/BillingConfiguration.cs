using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cotravail.Modules.Billing;

internal sealed class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> builder)
    {
        builder.ToTable("Invoices", t =>
        {
            t.HasCheckConstraint("CK_Invoices_Issued", "\"Status\" = 'Draft' OR (\"Sequence\" IS NOT NULL AND \"Number\" IS NOT NULL AND \"IssueDate\" IS NOT NULL AND \"DueDate\" IS NOT NULL AND \"ChainIndex\" IS NOT NULL AND \"Footprint\" IS NOT NULL)");
            t.HasCheckConstraint("CK_Invoices_Corrects", "(\"Kind\" = 'CreditNote') = (\"CorrectsInvoiceId\" IS NOT NULL)");
            t.HasCheckConstraint("CK_Invoices_Totals", "\"NetTotalCents\" >= 0 AND \"VatTotalCents\" >= 0 AND \"GrossTotalCents\" = \"NetTotalCents\" + \"VatTotalCents\"");
        });
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property<int>("SellerId").HasDefaultValue(BillingTerms.SellerId); // left to the column's default (0032)
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Series).HasMaxLength(10);
        builder.Property(i => i.Number).HasMaxLength(30);
        builder.Property(i => i.Currency).HasMaxLength(3);
        builder.Property(i => i.Language).HasMaxLength(5);
        builder.Property(i => i.BuyerName).HasMaxLength(200);
        builder.Property(i => i.BuyerStreet).HasMaxLength(300);
        builder.Property(i => i.BuyerPostalCode).HasMaxLength(20);
        builder.Property(i => i.BuyerCity).HasMaxLength(100);
        builder.Property(i => i.BuyerCountryCode).HasMaxLength(2);
        builder.Property(i => i.BuyerSiren).HasMaxLength(14);
        builder.Property(i => i.BuyerVatNumber).HasMaxLength(20);
        builder.Property(i => i.BuyerEmail).HasMaxLength(256);
        builder.Property(i => i.CorrectsNumber).HasMaxLength(30);
        builder.Property(i => i.Note).HasMaxLength(500);
        builder.Property(i => i.PreviousFootprint).HasMaxLength(64);
        builder.Property(i => i.Footprint).HasMaxLength(64);
        builder.Property(i => i.SourceKey).HasMaxLength(200);
        builder.Ignore(i => i.IsDraft);
        builder.OwnsOne(i => i.Seller, s =>
        {
            s.Property(x => x.LegalName).HasMaxLength(200);
            s.Property(x => x.LegalForm).HasMaxLength(100);
            s.Property(x => x.ShareCapital).HasMaxLength(50);
            s.Property(x => x.Street).HasMaxLength(300);
            s.Property(x => x.PostalCode).HasMaxLength(20);
            s.Property(x => x.City).HasMaxLength(100);
            s.Property(x => x.CountryCode).HasMaxLength(2);
            s.Property(x => x.Siren).HasMaxLength(9);
            s.Property(x => x.Siret).HasMaxLength(14);
            s.Property(x => x.RcsCity).HasMaxLength(100);
            s.Property(x => x.VatNumber).HasMaxLength(20);
            s.Property(x => x.Email).HasMaxLength(256);
            s.Property(x => x.EarlyPaymentDiscount).HasMaxLength(300);
            s.Property(x => x.PaymentTerms).HasMaxLength(500);
        });
        builder.HasMany(i => i.Lines).WithOne().HasForeignKey(l => l.InvoiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(i => i.VatBreakdown).WithOne().HasForeignKey(v => v.InvoiceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Invoice>().WithMany().HasForeignKey(i => i.CorrectsInvoiceId).OnDelete(DeleteBehavior.Restrict);
        // Gapless and unique per seller and series; one place in the chain per document.
        builder.HasIndex("SellerId", nameof(Invoice.Series), nameof(Invoice.Sequence)).IsUnique().HasFilter("\"Sequence\" IS NOT NULL");
        builder.HasIndex("SellerId", nameof(Invoice.ChainIndex)).IsUnique().HasFilter("\"ChainIndex\" IS NOT NULL");
        // A billing run's draft per customer and period exists once.
        builder.HasIndex(i => i.SourceKey).IsUnique().HasFilter("\"SourceKey\" IS NOT NULL");
        builder.HasIndex(i => new { i.LocationId, i.IssueDate });
        builder.HasIndex(i => i.MemberId);
        builder.HasIndex(i => i.CompanyId);
        builder.HasIndex(i => i.CorrectsInvoiceId);
    }
}

internal sealed class InvoiceLineConfiguration : IEntityTypeConfiguration<InvoiceLine>
{
    public void Configure(EntityTypeBuilder<InvoiceLine> builder)
    {
        builder.ToTable("InvoiceLines", t => t.HasCheckConstraint("CK_InvoiceLines_Amounts",
            "\"Quantity\" > 0 AND \"UnitPriceCents\" >= 0 AND \"DiscountCents\" >= 0 AND \"NetCents\" >= 0 AND \"VatMilliPercent\" >= 0"));
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Description).HasMaxLength(500);
        builder.Property(l => l.Quantity).HasPrecision(12, 3);
        builder.HasIndex(l => new { l.InvoiceId, l.Position }).IsUnique();
        // A charge is billed on one invoice line at most; credit notes refer back by CreditsLineId.
        builder.HasIndex(l => l.ChargeId).IsUnique().HasFilter("\"ChargeId\" IS NOT NULL");
        builder.HasIndex(l => l.CreditsLineId).HasFilter("\"CreditsLineId\" IS NOT NULL");
    }
}

internal sealed class InvoiceVatConfiguration : IEntityTypeConfiguration<InvoiceVat>
{
    public void Configure(EntityTypeBuilder<InvoiceVat> builder)
    {
        builder.ToTable("InvoiceVats");
        builder.HasKey(v => new { v.InvoiceId, v.VatMilliPercent });
    }
}

internal sealed class InvoiceDocumentConfiguration : IEntityTypeConfiguration<InvoiceDocument>
{
    public void Configure(EntityTypeBuilder<InvoiceDocument> builder)
    {
        builder.ToTable("InvoiceDocuments");
        builder.HasKey(d => d.InvoiceId);
        builder.Property(d => d.FileName).HasMaxLength(100);
        builder.Property(d => d.Sha256).HasMaxLength(64);
        builder.HasOne<Invoice>().WithOne().HasForeignKey<InvoiceDocument>(d => d.InvoiceId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PaymentConfiguration : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> builder)
    {
        builder.ToTable("Payments", t => t.HasCheckConstraint("CK_Payments_Amount", "\"AmountCents\" <> 0"));
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Currency).HasMaxLength(3);
        builder.Property(p => p.Method).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Reference).HasMaxLength(200);
        builder.HasOne<Invoice>().WithMany().HasForeignKey(p => p.InvoiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.InvoiceId);
    }
}

internal sealed class InvoiceCounterConfiguration : IEntityTypeConfiguration<InvoiceCounter>
{
    public void Configure(EntityTypeBuilder<InvoiceCounter> builder)
    {
        builder.ToTable("InvoiceCounters", t => t.HasCheckConstraint("CK_InvoiceCounters_LastNumber", "\"LastNumber\" >= 0"));
        builder.HasKey(c => new { c.SellerId, c.Series });
        builder.Property(c => c.Series).HasMaxLength(10);
    }
}

internal sealed class DocumentChainConfiguration : IEntityTypeConfiguration<DocumentChain>
{
    public void Configure(EntityTypeBuilder<DocumentChain> builder)
    {
        builder.ToTable("DocumentChains");
        builder.HasKey(c => c.SellerId);
        builder.Property(c => c.SellerId).ValueGeneratedNever();
        builder.Property(c => c.LastFootprint).HasMaxLength(64);
    }
}
