using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cotravail.Common.Auth;

internal enum StaffRole
{
    Host,
    Manager,
}

/// A staff role held at one location: managers run it, hosts (front desk) see it.
internal sealed class StaffAssignment
{
    private StaffAssignment()
    {
    }

    public StaffAssignment(Guid userId, Guid locationId, StaffRole role)
    {
        UserId = userId;
        LocationId = locationId;
        Role = role;
    }

    public Guid UserId { get; private set; }

    public Guid LocationId { get; private set; }

    public StaffRole Role { get; set; }
}

internal sealed class StaffAssignmentConfiguration : IEntityTypeConfiguration<StaffAssignment>
{
    public void Configure(EntityTypeBuilder<StaffAssignment> builder)
    {
        builder.HasKey(s => new { s.UserId, s.LocationId });
        builder.Property(s => s.Role).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        // The foreign key to the location is declared by the Locations module (LocationConfiguration).
        builder.HasIndex(s => s.LocationId);
    }
}
