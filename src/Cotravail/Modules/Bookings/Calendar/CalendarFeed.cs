using System.Security.Cryptography;
using Cotravail.Common.Auth;
using Cotravail.Modules.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cotravail.Modules.Bookings;

/// A private calendar address: calendar apps cannot send headers, so the secret is in the URL. It is a
/// token of its own (never an API token), read-only, revocable, and only its hash is stored.
internal sealed class CalendarFeed
{
    private CalendarFeed()
    {
    }

    public Guid Id { get; private set; }

    /// Whose feed it is, or who created a resource's feed.
    public Guid UserId { get; private set; }

    /// A resource's feed (all its bookings, without names); null for a member's own feed.
    public Guid? ResourceId { get; private set; }

    public string TokenHash { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public DateTime? RevokedAt { get; private set; }

    public static (CalendarFeed Feed, string Token) Create(Guid userId, Guid? resourceId, DateTime now)
    {
        var token = "cal_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        return (new CalendarFeed { Id = Guid.CreateVersion7(), UserId = userId, ResourceId = resourceId, TokenHash = ApiToken.Hash(token), CreatedAt = now }, token);
    }

    public void Revoke(DateTime now) => RevokedAt ??= now;
}

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> builder)
    {
        builder.ToTable("CalendarFeeds");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.TokenHash).HasMaxLength(64);
        builder.HasIndex(f => f.TokenHash).IsUnique();
        builder.HasIndex(f => f.UserId);
        builder.HasOne<User>().WithMany().HasForeignKey(f => f.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Resource>().WithMany().HasForeignKey(f => f.ResourceId).OnDelete(DeleteBehavior.Cascade);
    }
}
