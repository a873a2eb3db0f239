using Cotravail.Common.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cotravail.Common.Idempotency;

/// The first answer to a POST sent with an Idempotency-Key, per account and key: a replay gets it back
/// instead of acting twice. A row without a status is a request still being handled.
internal sealed class IdempotentRequest
{
    private IdempotentRequest()
    {
    }

    public IdempotentRequest(Guid userId, string key, string requestHash, DateTime now)
    {
        Id = Guid.CreateVersion7();
        UserId = userId;
        Key = key;
        RequestHash = requestHash;
        CreatedAt = now;
    }

    public const int KeyLength = 200;

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public string Key { get; private set; } = "";

    /// SHA-256 of the method, path and body: the same key with another request is refused.
    public string RequestHash { get; private set; } = "";

    public int? StatusCode { get; private set; }

    public string? ContentType { get; private set; }

    public string? Location { get; private set; }

    public string? Body { get; private set; }

    public DateTime CreatedAt { get; private set; }
}

internal sealed class IdempotentRequestConfiguration : IEntityTypeConfiguration<IdempotentRequest>
{
    public void Configure(EntityTypeBuilder<IdempotentRequest> builder)
    {
        builder.ToTable("IdempotentRequests");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Key).HasMaxLength(IdempotentRequest.KeyLength);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
        builder.Property(r => r.ContentType).HasMaxLength(100);
        builder.Property(r => r.Location).HasMaxLength(500);
        builder.HasIndex(r => new { r.UserId, r.Key }).IsUnique();
        builder.HasIndex(r => r.CreatedAt);
        builder.HasOne<User>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
