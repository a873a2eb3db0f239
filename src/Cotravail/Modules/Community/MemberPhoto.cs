using Cotravail.Modules.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cotravail.Modules.Community;

/// A member's profile photo, one at most, kept in the database like locations' photos (LocationPhoto): every
/// instance serves it and it goes with the member. Id changes with every upload, so its address can be cached.
/// Who sees it is the member's Photo choice (MemberPrivacy), never wider than their listing.
internal sealed class MemberPhoto
{
    private MemberPhoto()
    {
    }

    public MemberPhoto(Guid memberId, string contentType, byte[] content, int width, int height, DateTime createdAt)
    {
        MemberId = memberId;
        Id = Guid.CreateVersion7();
        ContentType = contentType;
        Content = content;
        SizeBytes = content.Length;
        Width = width;
        Height = height;
        CreatedAt = createdAt;
    }

    public Guid MemberId { get; private set; }

    public Guid Id { get; private set; }

    /// image/jpeg, image/png or image/webp, as read from the bytes themselves.
    public string ContentType { get; private set; } = "";

    public byte[] Content { get; private set; } = [];

    public int SizeBytes { get; private set; }

    public int Width { get; private set; }

    public int Height { get; private set; }

    public DateTime CreatedAt { get; private set; }
}

internal sealed class MemberPhotoConfiguration : IEntityTypeConfiguration<MemberPhoto>
{
    public void Configure(EntityTypeBuilder<MemberPhoto> builder)
    {
        builder.ToTable("MemberPhotos");
        builder.HasKey(p => p.MemberId);
        builder.Property(p => p.MemberId).ValueGeneratedNever();
        builder.Property(p => p.ContentType).HasMaxLength(32);
        builder.HasOne<Member>().WithMany().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
