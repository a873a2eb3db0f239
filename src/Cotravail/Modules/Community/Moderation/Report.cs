using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cotravail.Modules.Community.Moderation;

/// What a report is about: a post of the community (ADR 30).
internal enum PostKind
{
    Question = 1,
    Answer = 2,
    Project = 3,
}

internal enum ReportReason
{
    Spam = 0,
    Offensive = 1,
    PersonalData = 2,
    Other = 3,
}

/// Open until staff hide the post (Upheld) or dismiss the reports (Dismissed).
internal enum ReportStatus
{
    Open = 0,
    Dismissed = 1,
    Upheld = 2,
}

/// A member reports a post (ADR 30). LocationId is the post's location (whose managers moderate it); AuthorId the
/// post's author, deliberately neither a foreign key nor named *MemberId: a report is the reporter's data, never
/// exported to the person reported (the reports about them are deleted with their posts when they are erased).
internal sealed class CommunityReport
{
    public const int NoteMax = 500;

    private CommunityReport()
    {
    }

    public CommunityReport(Guid reporterId, PostKind kind, Guid postId, Guid authorId, Guid locationId, ReportReason reason, string note, DateTime now)
    {
        Id = Guid.CreateVersion7();
        ReporterId = reporterId;
        PostKind = kind;
        PostId = postId;
        AuthorId = authorId;
        LocationId = locationId;
        Reason = reason;
        Note = note;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid ReporterId { get; private set; }

    public PostKind PostKind { get; private set; }

    public Guid PostId { get; private set; }

    public Guid AuthorId { get; private set; }

    public Guid LocationId { get; private set; }

    public ReportReason Reason { get; private set; }

    public string Note { get; private set; } = "";

    public ReportStatus Status { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? ResolvedAt { get; private set; }
}

internal sealed class CommunityReportConfiguration : IEntityTypeConfiguration<CommunityReport>
{
    public void Configure(EntityTypeBuilder<CommunityReport> builder)
    {
        builder.ToTable("CommunityReports");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Note).HasMaxLength(CommunityReport.NoteMax);
        // One open report per reporter and post; a dismissed one may be made again.
        builder.HasIndex(r => new { r.ReporterId, r.PostKind, r.PostId }).IsUnique().HasFilter("\"Status\" = 0");
        // The queue: open reports of a location, grouped per post.
        builder.HasIndex(r => new { r.Status, r.LocationId, r.PostKind, r.PostId });
        builder.HasIndex(r => r.AuthorId);
        builder.HasOne<Member>().WithMany().HasForeignKey(r => r.ReporterId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Location>().WithMany().HasForeignKey(r => r.LocationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal static class ReportQueries
{
    /// The reports a caller may read: those of the locations they manage (every one for network admins), and their own.
    public static IQueryable<CommunityReport> VisibleTo(this IQueryable<CommunityReport> reports, AccessScope scope)
    {
        var all = scope.IsNetworkAdmin;
        var managed = scope.ManagedLocations.ToList();
        var me = scope.MemberId ?? Guid.Empty;
        return reports.Where(r => all || managed.Contains(r.LocationId) || r.ReporterId == me);
    }
}

internal static class ModerationTables
{
    extension(AppDb db)
    {
        public DbSet<CommunityReport> CommunityReports => db.Set<CommunityReport>();
    }
}
