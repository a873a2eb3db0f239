using Cotravail.Common.Auth;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cotravail.Modules.Joining;

internal enum JoinRequestStatus
{
    Pending,
    Approved,
    Declined,
}

/// A visitor's request to become a member of a location; its account exists (unconfirmed, without
/// membership) until a manager of the location approves or declines it.
internal sealed class JoinRequest
{
    public const int MessageLength = 2000;
    public const int ReasonLength = 1000;

    private JoinRequest()
    {
    }

    public JoinRequest(Guid locationId, Guid userId, JoinInput input, DateTime now)
    {
        Id = Guid.CreateVersion7();
        LocationId = locationId;
        UserId = userId;
        FirstName = MemberFields.Name(input.FirstName);
        LastName = MemberFields.Name(input.LastName);
        Email = Member.NormalizeEmail(input.Email);
        Phone = MemberFields.Phone(input.Phone);
        Category = input.Category!.Value;
        CompanyName = string.IsNullOrWhiteSpace(input.CompanyName) ? null : input.CompanyName.Trim();
        Message = string.IsNullOrWhiteSpace(input.Message) ? null : input.Message.Trim();
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid LocationId { get; private set; }

    public Guid UserId { get; private set; }

    public string FirstName { get; private set; } = "";

    public string LastName { get; private set; } = "";

    public string Email { get; private set; } = "";

    public string? Phone { get; private set; }

    public MemberCategory Category { get; private set; }

    public string? CompanyName { get; private set; }

    public string? Message { get; private set; }

    public JoinRequestStatus Status { get; private set; }

    public string? DeclineReason { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? DecidedAt { get; private set; }

    public Guid? DecidedByUserId { get; private set; }

    public Guid? MemberId { get; private set; }

    public void Approve(Guid memberId, Guid? by, DateTime now)
    {
        EnsurePending();
        Status = JoinRequestStatus.Approved;
        MemberId = memberId;
        DecidedByUserId = by;
        DecidedAt = now;
    }

    public void Decline(string? reason, Guid? by, DateTime now)
    {
        EnsurePending();
        Status = JoinRequestStatus.Declined;
        DeclineReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        DecidedByUserId = by;
        DecidedAt = now;
    }

    private void EnsurePending()
    {
        if (Status != JoinRequestStatus.Pending)
        {
            throw new InvalidOperationException("This request was already decided.");
        }
    }
}

internal sealed class JoinRequestConfiguration : IEntityTypeConfiguration<JoinRequest>
{
    public void Configure(EntityTypeBuilder<JoinRequest> builder)
    {
        builder.ToTable("JoinRequests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.FirstName).HasMaxLength(MemberFields.NameLength);
        builder.Property(r => r.LastName).HasMaxLength(MemberFields.NameLength);
        builder.Property(r => r.Email).HasMaxLength(MemberFields.EmailLength);
        builder.Property(r => r.Phone).HasMaxLength(MemberFields.PhoneLength);
        builder.Property(r => r.Category).HasConversion<string>().HasMaxLength(30);
        builder.Property(r => r.CompanyName).HasMaxLength(200);
        builder.Property(r => r.Message).HasMaxLength(JoinRequest.MessageLength);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.DeclineReason).HasMaxLength(JoinRequest.ReasonLength);
        builder.HasIndex(r => new { r.LocationId, r.Status });
        builder.HasIndex(r => r.UserId);
        builder.HasOne<Location>().WithMany().HasForeignKey(r => r.LocationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.SetNull);
    }
}
