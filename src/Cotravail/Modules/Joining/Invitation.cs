using System.Security.Cryptography;
using Cotravail.Common.Auth;
using Cotravail.Modules.Companies;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Members;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cotravail.Modules.Joining;

/// An emailed invitation to become a member: the link's token is single use, expires, and only its
/// SHA-256 hash is stored.
internal sealed class Invitation
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private Invitation()
    {
    }

    public Guid Id { get; private set; }

    public string Email { get; private set; } = "";

    public string FirstName { get; private set; } = "";

    public string LastName { get; private set; } = "";

    public Guid LocationId { get; private set; }

    public MemberCategory Category { get; private set; }

    /// Set when a company invites its employee: the member joins it and it pays.
    public Guid? CompanyId { get; private set; }

    public bool BilledToCompany { get; private set; }

    public string TokenHash { get; private set; } = "";

    public Guid? InvitedByUserId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    public DateTime? AcceptedAt { get; private set; }

    public Guid? MemberId { get; private set; }

    public string FullName => $"{FirstName} {LastName}";

    public static (Invitation Invitation, string Token) Issue(
        string email, string firstName, string lastName, Guid locationId, MemberCategory category, Guid? companyId, Guid? invitedBy, DateTime now)
    {
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var invitation = new Invitation
        {
            Id = Guid.CreateVersion7(),
            Email = Member.NormalizeEmail(email),
            FirstName = MemberFields.Name(firstName),
            LastName = MemberFields.Name(lastName),
            LocationId = locationId,
            Category = category,
            CompanyId = companyId,
            BilledToCompany = companyId is not null,
            TokenHash = ApiToken.Hash(token),
            InvitedByUserId = invitedBy,
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        };
        return (invitation, token);
    }

    public bool IsOpen(DateTime now) => AcceptedAt is null && ExpiresAt > now;

    public void Accept(Guid memberId, DateTime now)
    {
        if (!IsOpen(now))
        {
            throw new InvalidOperationException("This invitation is no longer open.");
        }
        AcceptedAt = now;
        MemberId = memberId;
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.ToTable("Invitations");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Email).HasMaxLength(MemberFields.EmailLength);
        builder.Property(i => i.FirstName).HasMaxLength(MemberFields.NameLength);
        builder.Property(i => i.LastName).HasMaxLength(MemberFields.NameLength);
        builder.Property(i => i.Category).HasConversion<string>().HasMaxLength(30);
        builder.Property(i => i.TokenHash).HasMaxLength(64);
        builder.Ignore(i => i.FullName);
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasIndex(i => i.Email);
        builder.HasIndex(i => new { i.LocationId, i.CreatedAt });
        builder.HasIndex(i => i.CompanyId);
        builder.HasOne<Location>().WithMany().HasForeignKey(i => i.LocationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Company>().WithMany().HasForeignKey(i => i.CompanyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<User>().WithMany().HasForeignKey(i => i.InvitedByUserId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Member>().WithMany().HasForeignKey(i => i.MemberId).OnDelete(DeleteBehavior.SetNull);
    }
}
