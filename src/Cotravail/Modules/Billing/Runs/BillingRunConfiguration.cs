using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cotravail.Modules.Billing;

internal sealed class BillingRunConfiguration : IEntityTypeConfiguration<BillingRun>
{
    public void Configure(EntityTypeBuilder<BillingRun> builder)
    {
        builder.ToTable("BillingRuns");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property<int>("SellerId").HasDefaultValue(BillingTerms.SellerId); // left to the column's default (0032)
        builder.Property(r => r.Period).HasMaxLength(7);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Error).HasMaxLength(500);
        builder.Ignore(r => r.KeyPrefix);
        builder.Ignore(r => r.Unfinished);
        // One run per seller and month, unless cancelled.
        builder.HasIndex("SellerId", nameof(BillingRun.Period)).IsUnique().HasFilter("\"Status\" <> 'Cancelled'");
        builder.HasIndex(r => r.Status);
    }
}
