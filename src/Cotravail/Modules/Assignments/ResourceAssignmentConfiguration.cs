using Cotravail.Modules.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cotravail.Modules.Assignments;

internal sealed class ResourceAssignmentConfiguration : IEntityTypeConfiguration<ResourceAssignment>
{
    public void Configure(EntityTypeBuilder<ResourceAssignment> builder)
    {
        builder.ToTable("ResourceAssignments", t => t.HasCheckConstraint(
            "CK_ResourceAssignments_Period",
            "(\"MemberId\" IS NULL) <> (\"CompanyId\" IS NULL) AND (\"To\" IS NULL OR \"From\" < \"To\") AND \"MonthlyPriceCents\" >= 0"));
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Currency).HasMaxLength(3);
        builder.HasOne<Resource>().WithMany().HasForeignKey(a => a.ResourceId).OnDelete(DeleteBehavior.Restrict);
        // The overlap check, the booking guard and the lists.
        builder.HasIndex(a => new { a.ResourceId, a.From });
        builder.HasIndex(a => new { a.LocationId, a.From });
        builder.HasIndex(a => a.MemberId);
        builder.HasIndex(a => a.CompanyId);
    }
}
