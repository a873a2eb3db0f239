using Cotravail.Modules.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cotravail.Modules.Community;

/// What a member tells the community about themselves. Who sees each part is the member's privacy choice
/// (Privacy.MemberPrivacy: presentation, skills), nobody by default.
internal sealed class MemberProfile
{
    public const int HeadlineMax = 120;
    public const int BioMax = 4000;
    public const int OfferMax = 1000;
    public const int LinkMax = 300;
    public const int MaxLinks = 5;
    public const int MaxSkills = 15;
    public const int MaxTags = 10;
    public const int TagMax = 40;

    private MemberProfile()
    {
    }

    public MemberProfile(Guid memberId) => MemberId = memberId;

    public Guid MemberId { get; private set; }

    public string Headline { get; set; } = "";

    /// Markdown, rendered through ProfileMarkdown (sanitised).
    public string Bio { get; set; } = "";

    /// What I offer and what I seek, in my own words (the skills say it in the shared vocabulary).
    public string Offers { get; set; } = "";

    public string Seeks { get; set; } = "";

    public bool OpenToMissions { get; set; }

    public bool OpenToPartnerships { get; set; }

    /// ISO 639-1 codes, sorted, space-separated ("en fr").
    public string Languages { get; set; } = "";

    /// https addresses, one per line.
    public string Links { get; set; } = "";

    /// The weekly community digest by email (CommunityDigest), off until the member asks for it.
    public bool WeeklyDigest { get; set; }

    public DateTime UpdatedAt { get; set; }
}

internal enum SkillUse
{
    Offers = 0,
    Seeks = 1,
}

/// A skill of the vocabulary that a member offers or seeks.
internal sealed class MemberSkill
{
    private MemberSkill()
    {
    }

    public MemberSkill(Guid memberId, string skill, SkillUse use)
    {
        MemberId = memberId;
        Skill = skill;
        Use = use;
    }

    public Guid MemberId { get; private set; }

    /// The vocabulary's slug (SkillVocabulary.BySlug).
    public string Skill { get; private set; } = "";

    public SkillUse Use { get; private set; }
}

/// A member's free tag, as typed and folded (the folded key is what search compares).
internal sealed class MemberTag
{
    private MemberTag()
    {
    }

    public MemberTag(Guid memberId, string text)
    {
        MemberId = memberId;
        Text = text;
        Key = SkillVocabulary.Fold(text);
    }

    public Guid MemberId { get; private set; }

    public string Key { get; private set; } = "";

    public string Text { get; private set; } = "";
}

internal sealed class MemberProfileConfiguration : IEntityTypeConfiguration<MemberProfile>
{
    public void Configure(EntityTypeBuilder<MemberProfile> builder)
    {
        builder.ToTable("MemberProfiles");
        builder.HasKey(p => p.MemberId);
        builder.Property(p => p.MemberId).ValueGeneratedNever();
        builder.Property(p => p.Headline).HasMaxLength(MemberProfile.HeadlineMax);
        builder.Property(p => p.Bio).HasMaxLength(MemberProfile.BioMax);
        builder.Property(p => p.Offers).HasMaxLength(MemberProfile.OfferMax);
        builder.Property(p => p.Seeks).HasMaxLength(MemberProfile.OfferMax);
        builder.Property(p => p.Languages).HasMaxLength(100);
        builder.Property(p => p.Links).HasMaxLength((MemberProfile.LinkMax + 1) * MemberProfile.MaxLinks);
        builder.Property(p => p.WeeklyDigest).HasDefaultValue(false).ValueGeneratedNever();
        builder.HasOne<Member>().WithMany().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MemberSkillConfiguration : IEntityTypeConfiguration<MemberSkill>
{
    public void Configure(EntityTypeBuilder<MemberSkill> builder)
    {
        builder.ToTable("MemberSkills");
        builder.HasKey(s => new { s.MemberId, s.Use, s.Skill });
        builder.Property(s => s.Skill).HasMaxLength(60);
        // The directory and "ask a neighbour" start from a skill: members offering it, newest first.
        builder.HasIndex(s => new { s.Skill, s.Use, s.MemberId });
        builder.HasOne<Member>().WithMany().HasForeignKey(s => s.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MemberTagConfiguration : IEntityTypeConfiguration<MemberTag>
{
    public void Configure(EntityTypeBuilder<MemberTag> builder)
    {
        builder.ToTable("MemberTags");
        builder.HasKey(t => new { t.MemberId, t.Key });
        builder.Property(t => t.Key).HasMaxLength(MemberProfile.TagMax);
        builder.Property(t => t.Text).HasMaxLength(MemberProfile.TagMax);
        builder.HasIndex(t => new { t.Key, t.MemberId });
        builder.HasOne<Member>().WithMany().HasForeignKey(t => t.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
