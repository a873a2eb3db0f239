using Cotravail.Modules.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cotravail.Modules.Community;

/// The weekly digest sent to a member for one week (Week: its Monday, in the member's location's time zone).
/// The row is inserted before the email is queued, in the same transaction, and its key refuses a second one:
/// a member gets one digest a week however many instances run the job.
internal sealed class CommunityDigest
{
    private CommunityDigest()
    {
    }

    public CommunityDigest(Guid memberId, DateOnly week, DateTime sentAt)
    {
        MemberId = memberId;
        Week = week;
        SentAt = sentAt;
    }

    public Guid MemberId { get; private set; }

    public DateOnly Week { get; private set; }

    public DateTime SentAt { get; private set; }
}

internal sealed class CommunityDigestConfiguration : IEntityTypeConfiguration<CommunityDigest>
{
    public void Configure(EntityTypeBuilder<CommunityDigest> builder)
    {
        builder.ToTable("CommunityDigests");
        builder.HasKey(d => new { d.MemberId, d.Week });
        builder.HasOne<Member>().WithMany().HasForeignKey(d => d.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
