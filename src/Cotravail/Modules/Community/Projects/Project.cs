using Cotravail.Common.Database;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cotravail.Modules.Community.Projects;

internal enum ProjectKind
{
    Project = 0,
    CallForPartners = 1,
}

/// Who sees a project: the owner's location only (its members and staff), or every member of the network.
internal enum ProjectScope
{
    Location = 0,
    Network = 1,
}

internal enum ProjectStatus
{
    Open = 0,
    Closed = 1,
}

/// Where a member stands with a project. The owner is Accepted from the start; Introduced is the suggestion left by
/// another member's introduction (the member may then say they are interested, or decline).
internal enum ProjectMemberState
{
    Interested = 0,
    Invited = 1,
    Accepted = 2,
    Declined = 3,
    Introduced = 4,
}

/// A common project or a call for partners proposed by a member (ADR 28).
internal sealed class CommunityProject
{
    public const int TitleMax = 140;
    public const int DescriptionMax = 8000;
    public const int MinSkills = 1;
    public const int MaxSkills = 8;
    public const int NoteMax = 500;

    private CommunityProject()
    {
    }

    public CommunityProject(Guid ownerMemberId, Guid locationId, DateTime now)
    {
        Id = Guid.CreateVersion7();
        OwnerMemberId = ownerMemberId;
        LocationId = locationId;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid OwnerMemberId { get; private set; }

    /// The owner's home location when the project was proposed: "my location" for a Location scope.
    public Guid LocationId { get; private set; }

    public ProjectKind Kind { get; set; }

    public string Title { get; set; } = "";

    /// Markdown, rendered through ProfileMarkdown (sanitised).
    public string Description { get; set; } = "";

    public ProjectScope Scope { get; set; }

    public ProjectStatus Status { get; set; }

    public DateOnly Deadline { get; set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; set; }

    /// When staff hid it (ADR 30): null while shown. The text stays, for its author, the staff and the audit.
    public DateTime? HiddenAt { get; private set; }

    /// Why staff hid it, as told to the author.
    public string? HiddenReason { get; private set; }
}

/// A skill of the vocabulary a project needs.
internal sealed class ProjectSkill
{
    private ProjectSkill()
    {
    }

    public ProjectSkill(Guid projectId, string skill)
    {
        ProjectId = projectId;
        Skill = skill;
    }

    public Guid ProjectId { get; private set; }

    public string Skill { get; private set; } = "";
}

/// A member's place around a project: interested (with a note), invited, introduced, accepted into the team, declined.
internal sealed class ProjectMember
{
    private ProjectMember()
    {
    }

    public ProjectMember(Guid projectId, Guid memberId, ProjectMemberState state, DateTime now)
    {
        ProjectId = projectId;
        MemberId = memberId;
        State = state;
        CreatedAt = now;
        UpdatedAt = now;
    }

    public Guid ProjectId { get; private set; }

    public Guid MemberId { get; private set; }

    public ProjectMemberState State { get; set; }

    public string Note { get; set; } = "";

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; set; }
}

/// "X introduced Y to this project", kept for the community's health (connections per week).
internal sealed class Introduction
{
    private Introduction()
    {
    }

    public Introduction(Guid projectId, Guid introducerMemberId, Guid introducedMemberId, DateTime now)
    {
        Id = Guid.CreateVersion7();
        ProjectId = projectId;
        IntroducerMemberId = introducerMemberId;
        IntroducedMemberId = introducedMemberId;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid ProjectId { get; private set; }

    public Guid IntroducerMemberId { get; private set; }

    public Guid IntroducedMemberId { get; private set; }

    public DateTime CreatedAt { get; private set; }
}

internal sealed class CommunityProjectConfiguration : IEntityTypeConfiguration<CommunityProject>
{
    public void Configure(EntityTypeBuilder<CommunityProject> builder)
    {
        builder.ToTable("CommunityProjects");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Title).HasMaxLength(CommunityProject.TitleMax);
        builder.Property(p => p.Description).HasMaxLength(CommunityProject.DescriptionMax);
        builder.Property(p => p.HiddenReason).HasMaxLength(Moderation.ModerationLimits.ReasonMax);
        builder.HasIndex(p => new { p.Status, p.Scope, p.LocationId });
        builder.HasIndex(p => p.OwnerMemberId);
        builder.HasOne<Member>().WithMany().HasForeignKey(p => p.OwnerMemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Location>().WithMany().HasForeignKey(p => p.LocationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProjectSkillConfiguration : IEntityTypeConfiguration<ProjectSkill>
{
    public void Configure(EntityTypeBuilder<ProjectSkill> builder)
    {
        builder.ToTable("ProjectSkills");
        builder.HasKey(s => new { s.ProjectId, s.Skill });
        builder.Property(s => s.Skill).HasMaxLength(60);
        // "Projects seeking my skills" starts from a skill.
        builder.HasIndex(s => new { s.Skill, s.ProjectId });
        builder.HasOne<CommunityProject>().WithMany().HasForeignKey(s => s.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProjectMemberConfiguration : IEntityTypeConfiguration<ProjectMember>
{
    public void Configure(EntityTypeBuilder<ProjectMember> builder)
    {
        builder.ToTable("ProjectMembers");
        builder.HasKey(m => new { m.ProjectId, m.MemberId });
        builder.Property(m => m.Note).HasMaxLength(CommunityProject.NoteMax);
        builder.HasIndex(m => m.MemberId);
        builder.HasOne<CommunityProject>().WithMany().HasForeignKey(m => m.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(m => m.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IntroductionConfiguration : IEntityTypeConfiguration<Introduction>
{
    public void Configure(EntityTypeBuilder<Introduction> builder)
    {
        builder.ToTable("Introductions");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        // one introduction per project, introducer and introduced (migration 0041): a repeat sends no second email
        builder.HasIndex(i => new { i.ProjectId, i.IntroducerMemberId, i.IntroducedMemberId }).IsUnique().HasDatabaseName("IX_Introductions_Project_Introducer_Introduced");
        builder.HasIndex(i => i.CreatedAt);
        builder.HasIndex(i => i.IntroducerMemberId);
        builder.HasIndex(i => i.IntroducedMemberId);
        builder.HasOne<CommunityProject>().WithMany().HasForeignKey(i => i.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(i => i.IntroducerMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(i => i.IntroducedMemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// The board's tables on the one context.
internal static class ProjectTables
{
    extension(AppDb db)
    {
        public DbSet<CommunityProject> CommunityProjects => db.Set<CommunityProject>();

        public DbSet<ProjectSkill> ProjectSkills => db.Set<ProjectSkill>();

        public DbSet<ProjectMember> ProjectMembers => db.Set<ProjectMember>();

        public DbSet<Introduction> Introductions => db.Set<Introduction>();
    }
}
