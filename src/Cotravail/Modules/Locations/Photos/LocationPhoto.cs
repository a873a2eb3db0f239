using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cotravail.Modules.Locations.Photos;

/// A photo of a location, or of one of its resources (ResourceId), kept in the database: every instance behind a load balancer serves it,
/// it is backed up with the rest, and it goes when its location goes; 5 MB at most keeps rows reasonable.
internal sealed class LocationPhoto
{
    private LocationPhoto()
    {
    }

    public LocationPhoto(Guid locationId, Guid? resourceId, string contentType, byte[] content, DateTime createdAt)
    {
        Id = Guid.CreateVersion7();
        LocationId = locationId;
        ResourceId = resourceId;
        ContentType = contentType;
        Content = content;
        SizeBytes = content.Length;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }

    /// The resource's location for a resource's photo: served under the location's address, gone with it.
    public Guid LocationId { get; private set; }

    /// Null for a photo of the location itself; its foreign key is the Resources module's (ResourceConfiguration).
    public Guid? ResourceId { get; private set; }

    /// image/jpeg, image/png or image/webp, as read from the bytes themselves.
    public string ContentType { get; private set; } = "";

    public byte[] Content { get; private set; } = [];

    public int SizeBytes { get; private set; }

    public DateTime CreatedAt { get; private set; }
}

internal sealed class LocationPhotoConfiguration : IEntityTypeConfiguration<LocationPhoto>
{
    public void Configure(EntityTypeBuilder<LocationPhoto> builder)
    {
        builder.ToTable("LocationPhotos");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.ContentType).HasMaxLength(32);
        builder.HasOne<Location>().WithMany().HasForeignKey(p => p.LocationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.LocationId, p.CreatedAt });
    }
}
