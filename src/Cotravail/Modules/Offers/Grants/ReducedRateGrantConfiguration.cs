using Cotravail.Modules.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cotravail.Modules.Offers;

internal sealed class ReducedRateGrantConfiguration : IEntityTypeConfiguration<ReducedRateGrant>
{
    public void Configure(EntityTypeBuilder<ReducedRateGrant> builder)
    {
        builder.ToTable("ReducedRateGrants");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Id).ValueGeneratedNever();
        builder.Property(g => g.Category).HasConversion<string>().HasMaxLength(30);
        builder.Property(g => g.ProofNote).HasMaxLength(ReducedRateGrant.ProofLength);
        builder.HasOne<Member>().WithMany().HasForeignKey(g => g.MemberId).OnDelete(DeleteBehavior.Restrict);
        // The price of an offer reads a member's grants.
        builder.HasIndex(g => new { g.MemberId, g.ValidUntil });
    }
}
