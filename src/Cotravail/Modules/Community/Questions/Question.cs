using Cotravail.Modules.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cotravail.Modules.Community.Questions;

/// Who may read a question: the members and staff of the author's location, or every member of the network.
internal enum QuestionScope
{
    Location = 1,
    Network = 2,
}

internal enum QuestionStatus
{
    Open = 0,
    Solved = 1,
    Closed = 2,
}

/// A member's question or need, with the skills it calls for (ADR 27). LocationId is the author's home location
/// when asked: "my location" and "in today" are read from it.
internal sealed class CommunityQuestion
{
    public const int TitleMax = 140;
    public const int BodyMax = 4000;
    public const int MaxSkills = 5;

    private CommunityQuestion()
    {
    }

    public CommunityQuestion(Guid authorId, Guid locationId, QuestionScope scope, string title, string body, DateTime now)
    {
        Id = Guid.CreateVersion7();
        AuthorId = authorId;
        LocationId = locationId;
        Scope = scope;
        Title = title;
        Body = body;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid AuthorId { get; private set; }

    public Guid LocationId { get; private set; }

    public QuestionScope Scope { get; private set; }

    public string Title { get; private set; } = "";

    /// Markdown, rendered through ProfileMarkdown (sanitised).
    public string Body { get; private set; } = "";

    public QuestionStatus Status { get; private set; }

    /// The answer the author marked as solving it (null once that answer is erased).
    public Guid? SolvedAnswerId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? ClosedAt { get; private set; }

    /// When staff hid it (ADR 30): null while shown. The text stays, for its author, the staff and the audit.
    public DateTime? HiddenAt { get; private set; }

    /// Why staff hid it, as told to the author.
    public string? HiddenReason { get; private set; }

    public void Solve(Guid answerId)
    {
        Status = QuestionStatus.Solved;
        SolvedAnswerId = answerId;
    }

    public void Close(DateTime now)
    {
        Status = QuestionStatus.Closed;
        ClosedAt = now;
    }
}

/// A skill of the vocabulary a question calls for.
internal sealed class CommunityQuestionSkill
{
    private CommunityQuestionSkill()
    {
    }

    public CommunityQuestionSkill(Guid questionId, string skill)
    {
        QuestionId = questionId;
        Skill = skill;
    }

    public Guid QuestionId { get; private set; }

    public string Skill { get; private set; } = "";
}

/// An answer in a question's thread; CreatedAt gives the time to first answer (community health, later).
internal sealed class CommunityAnswer
{
    private CommunityAnswer()
    {
    }

    public CommunityAnswer(Guid questionId, Guid authorId, string body, DateTime now)
    {
        Id = Guid.CreateVersion7();
        QuestionId = questionId;
        AuthorId = authorId;
        Body = body;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid QuestionId { get; private set; }

    public Guid AuthorId { get; private set; }

    /// Markdown, rendered through ProfileMarkdown (sanitised).
    public string Body { get; private set; } = "";

    public DateTime CreatedAt { get; private set; }

    /// When staff hid it (ADR 30): null while shown. The text stays, for its author, the staff and the audit.
    public DateTime? HiddenAt { get; private set; }

    /// Why staff hid it, as told to the author.
    public string? HiddenReason { get; private set; }

    /// For seeded data (the demo); staff hide through CommunityModeration, one conditional update.
    public void Hide(string reason, DateTime now)
    {
        HiddenAt = now;
        HiddenReason = reason;
    }
}

/// A member thanks the author of an answer (once per answer).
internal sealed class CommunityThanks
{
    private CommunityThanks()
    {
    }

    public CommunityThanks(Guid answerId, Guid memberId, DateTime now)
    {
        AnswerId = answerId;
        MemberId = memberId;
        CreatedAt = now;
    }

    public Guid AnswerId { get; private set; }

    public Guid MemberId { get; private set; }

    public DateTime CreatedAt { get; private set; }
}

/// A topic a member does not want to be asked about: a skill's slug, or "trade:Tech" for a whole trade.
internal sealed class CommunityMute
{
    private CommunityMute()
    {
    }

    public CommunityMute(Guid memberId, string topic)
    {
        MemberId = memberId;
        Topic = topic;
    }

    public Guid MemberId { get; private set; }

    public string Topic { get; private set; } = "";
}

internal enum NotificationKind
{
    /// A question calls for a skill I offer.
    QuestionForYou = 0,

    /// Someone answered my question.
    Answered = 1,

    /// Staff hid my question (Detail: the reason; ADR 30).
    QuestionHidden = 2,

    /// Staff hid my answer to a question (Detail: the reason).
    AnswerHidden = 3,

    /// Staff hid my project (ProjectId; Detail: the reason).
    ProjectHidden = 4,
}

/// An in-app notification; Emailed says whether it also went by email (the daily limit counts those).
internal sealed class CommunityNotification
{
    private CommunityNotification()
    {
    }

    public CommunityNotification(Guid memberId, NotificationKind kind, Guid questionId, bool emailed, DateTime now)
    {
        Id = Guid.CreateVersion7();
        MemberId = memberId;
        Kind = kind;
        QuestionId = questionId;
        Emailed = emailed;
        CreatedAt = now;
    }

    /// A moderation notice: my post was hidden, for this reason.
    public static CommunityNotification Moderation(Guid memberId, NotificationKind kind, Guid? questionId, Guid? projectId, string reason, bool emailed, DateTime now) =>
        new(memberId, kind, questionId ?? Guid.Empty, emailed, now) { QuestionId = questionId, ProjectId = projectId, Detail = reason };

    public Guid Id { get; private set; }

    public Guid MemberId { get; private set; }

    public NotificationKind Kind { get; private set; }

    /// The question it is about (null for a project's notification).
    public Guid? QuestionId { get; private set; }

    /// The project it is about (ProjectHidden).
    public Guid? ProjectId { get; private set; }

    /// What the member should read with it: the reason staff gave.
    public string? Detail { get; private set; }

    public bool Emailed { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? ReadAt { get; set; }
}

internal sealed class CommunityQuestionConfiguration : IEntityTypeConfiguration<CommunityQuestion>
{
    public void Configure(EntityTypeBuilder<CommunityQuestion> builder)
    {
        builder.ToTable("CommunityQuestions");
        builder.HasKey(q => q.Id);
        builder.Property(q => q.Id).ValueGeneratedNever();
        builder.Property(q => q.Title).HasMaxLength(CommunityQuestion.TitleMax);
        builder.Property(q => q.Body).HasMaxLength(CommunityQuestion.BodyMax);
        builder.Property(q => q.HiddenReason).HasMaxLength(Moderation.ModerationLimits.ReasonMax);
        builder.HasIndex(q => q.AuthorId);
        builder.HasIndex(q => new { q.LocationId, q.Status });
        builder.HasIndex(q => new { q.Status, q.CreatedAt });
        builder.HasOne<Member>().WithMany().HasForeignKey(q => q.AuthorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CommunityQuestionSkillConfiguration : IEntityTypeConfiguration<CommunityQuestionSkill>
{
    public void Configure(EntityTypeBuilder<CommunityQuestionSkill> builder)
    {
        builder.ToTable("CommunityQuestionSkills");
        builder.HasKey(s => new { s.QuestionId, s.Skill });
        builder.Property(s => s.Skill).HasMaxLength(60);
        // "Open questions matching what I offer" starts from a skill.
        builder.HasIndex(s => new { s.Skill, s.QuestionId });
        builder.HasOne<CommunityQuestion>().WithMany().HasForeignKey(s => s.QuestionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CommunityAnswerConfiguration : IEntityTypeConfiguration<CommunityAnswer>
{
    public void Configure(EntityTypeBuilder<CommunityAnswer> builder)
    {
        builder.ToTable("CommunityAnswers");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Body).HasMaxLength(CommunityQuestion.BodyMax);
        builder.Property(a => a.HiddenReason).HasMaxLength(Moderation.ModerationLimits.ReasonMax);
        builder.HasIndex(a => new { a.QuestionId, a.CreatedAt });
        builder.HasIndex(a => a.AuthorId);
        builder.HasOne<CommunityQuestion>().WithMany().HasForeignKey(a => a.QuestionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(a => a.AuthorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CommunityThanksConfiguration : IEntityTypeConfiguration<CommunityThanks>
{
    public void Configure(EntityTypeBuilder<CommunityThanks> builder)
    {
        builder.ToTable("CommunityThanks");
        builder.HasKey(t => new { t.AnswerId, t.MemberId });
        builder.HasIndex(t => t.MemberId);
        builder.HasOne<CommunityAnswer>().WithMany().HasForeignKey(t => t.AnswerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(t => t.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CommunityMuteConfiguration : IEntityTypeConfiguration<CommunityMute>
{
    public void Configure(EntityTypeBuilder<CommunityMute> builder)
    {
        builder.ToTable("CommunityMutes");
        builder.HasKey(m => new { m.MemberId, m.Topic });
        builder.Property(m => m.Topic).HasMaxLength(60);
        builder.HasOne<Member>().WithMany().HasForeignKey(m => m.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CommunityNotificationConfiguration : IEntityTypeConfiguration<CommunityNotification>
{
    public void Configure(EntityTypeBuilder<CommunityNotification> builder)
    {
        builder.ToTable("CommunityNotifications");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.Id).ValueGeneratedNever();
        builder.HasIndex(n => new { n.MemberId, n.CreatedAt });
        builder.HasIndex(n => n.QuestionId);
        builder.HasIndex(n => n.ProjectId);
        builder.Property(n => n.Detail).HasMaxLength(Moderation.ModerationLimits.ReasonMax);
        builder.HasOne<Member>().WithMany().HasForeignKey(n => n.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CommunityQuestion>().WithMany().HasForeignKey(n => n.QuestionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Projects.CommunityProject>().WithMany().HasForeignKey(n => n.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// The questions' tables on the one context.
internal static class QuestionTables
{
    extension(Common.Database.AppDb db)
    {
        public DbSet<CommunityQuestion> CommunityQuestions => db.Set<CommunityQuestion>();

        public DbSet<CommunityQuestionSkill> CommunityQuestionSkills => db.Set<CommunityQuestionSkill>();

        public DbSet<CommunityAnswer> CommunityAnswers => db.Set<CommunityAnswer>();

        public DbSet<CommunityThanks> CommunityThanks => db.Set<CommunityThanks>();

        public DbSet<CommunityMute> CommunityMutes => db.Set<CommunityMute>();

        public DbSet<CommunityNotification> CommunityNotifications => db.Set<CommunityNotification>();
    }
}
