using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cotravail.Common.Auth;

/// What a token may do: read (GET, HEAD) or read and write.
internal enum TokenScope
{
    Read,
    ReadWrite,
}

/// A bearer token for the API: a short-lived one from signing in, or a personal access token the
/// person names, scopes and dates. Only its SHA-256 hash is stored, so a database leak reveals no token.
/// Each carries its account's security stamp at issue: whatever renews the stamp (a password change or
/// reset, "sign out everywhere", two-factor on or off, a role taken away, a deactivation) ends the token
/// as it ends the sessions.
internal sealed class ApiToken
{
    public const string SignInName = "sign-in";

    /// Personal access tokens live at most a year (ASVS: secrets expire).
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(366);

    private ApiToken()
    {
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public string Name { get; private set; } = "";

    public TokenScope Scope { get; private set; } = TokenScope.ReadWrite;

    public string TokenHash { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    public DateTime? RevokedAt { get; private set; }

    /// A copy, not a hash: the account's row holds the same value, and the check stays one SQL comparison.
    public string? SecurityStamp { get; private set; }

    /// Creates a token; the plain value is returned once and never stored.
    public static (ApiToken Token, string PlainValue) Issue(Guid userId, string? securityStamp, string name, DateTime now, TimeSpan lifetime, TokenScope scope = TokenScope.ReadWrite)
    {
        var plain = "ctv_" + Base64Url(RandomNumberGenerator.GetBytes(32));
        var token = new ApiToken
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            Name = name,
            Scope = scope,
            TokenHash = Hash(plain),
            CreatedAt = now,
            ExpiresAt = now + lifetime,
            SecurityStamp = securityStamp,
        };
        return (token, plain);
    }

    public static string Hash(string plain) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(plain)));

    public bool IsActive(DateTime now) => RevokedAt is null && ExpiresAt > now;

    public void Revoke(DateTime now) => RevokedAt ??= now;

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.Scope).HasConversion<string>().HasMaxLength(20).HasDefaultValue(TokenScope.ReadWrite).HasSentinel((TokenScope)(-1));
        builder.Property(t => t.TokenHash).HasMaxLength(64);
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.HasIndex(t => t.UserId);
        builder.HasOne<User>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
