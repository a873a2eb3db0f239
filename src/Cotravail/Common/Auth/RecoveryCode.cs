using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cotravail.Common.Auth;

/// A single-use code that replaces an authenticator code; only its SHA-256 hash is kept (the codes
/// are random, about 47 bits each from UserManager, so a fast hash is enough).
internal sealed class RecoveryCode
{
    private RecoveryCode()
    {
    }

    public RecoveryCode(Guid userId, string plain)
    {
        Id = Guid.CreateVersion7();
        UserId = userId;
        CodeHash = Hash(plain);
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public string CodeHash { get; private set; } = "";

    public DateTime? UsedAt { get; private set; }

    /// Case, spaces and dashes as typed do not matter.
    public static string Hash(string plain) => ApiToken.Hash(Normalize(plain));

    public static string Normalize(string plain) =>
        new(plain.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
}

internal sealed class RecoveryCodeConfiguration : IEntityTypeConfiguration<RecoveryCode>
{
    public void Configure(EntityTypeBuilder<RecoveryCode> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.CodeHash).HasMaxLength(64);
        builder.HasIndex(c => new { c.UserId, c.CodeHash }).IsUnique();
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
