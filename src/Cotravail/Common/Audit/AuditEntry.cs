using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cotravail.Common.Audit;

/// One sensitive action, written in the same transaction as the change it describes.
internal sealed class AuditEntry
{
    private AuditEntry()
    {
    }

    public AuditEntry(DateTime at, string action, Guid? actorUserId, string? ipAddress, string? targetType, Guid? targetId, Guid? locationId, string? detail)
    {
        Id = Guid.CreateVersion7();
        At = at;
        Action = action;
        ActorUserId = actorUserId;
        IpAddress = ipAddress;
        TargetType = targetType;
        TargetId = targetId;
        LocationId = locationId;
        Detail = detail is { Length: > DetailLength } ? detail[..DetailLength] : detail;
    }

    public const int DetailLength = 2000;

    public Guid Id { get; private set; }

    public DateTime At { get; private set; }

    /// One of AuditActions, e.g. "role.granted".
    public string Action { get; private set; } = "";

    /// Who did it; null for anonymous attempts (a failed sign-in) and for the system.
    public Guid? ActorUserId { get; private set; }

    public string? IpAddress { get; private set; }

    /// "user", "member", "resource", "location"...; with TargetId, what the action was on.
    public string? TargetType { get; private set; }

    public Guid? TargetId { get; private set; }

    /// The location the record belongs to, when it belongs to one (managers see those entries).
    public Guid? LocationId { get; private set; }

    /// Short free text: what changed ("Manager at Lyon Part-Dieu", "hourly 12.00 → 14.00 EUR").
    public string? Detail { get; private set; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditLog");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Action).HasMaxLength(64);
        builder.Property(a => a.IpAddress).HasMaxLength(64);
        builder.Property(a => a.TargetType).HasMaxLength(32);
        builder.Property(a => a.Detail).HasMaxLength(AuditEntry.DetailLength);
        // No foreign keys on purpose: the log outlives the accounts and records it mentions.
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.Action, a.At });
        builder.HasIndex(a => a.ActorUserId);
        builder.HasIndex(a => a.TargetId);
    }
}
