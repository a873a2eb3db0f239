using Cotravail.Modules.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cotravail.Modules.Privacy;

/// A member's own privacy choices. Every choice is off until the member turns it on (opt-in, GDPR art. 25);
/// a member without a row has chosen nothing. Only the member changes them, never staff.
internal sealed class MemberPrivacy
{
    private MemberPrivacy()
    {
    }

    public MemberPrivacy(Guid memberId) => MemberId = memberId;

    public Guid MemberId { get; private set; }

    /// Appear in the members' directory at all; the Show* choices below only matter when this is on.
    public bool ListedInDirectory { get; private set; }

    public bool ShowPhoto { get; private set; }

    public bool ShowCompany { get; private set; }

    public bool ShowCategory { get; private set; }

    public bool ShowPhone { get; private set; }

    public bool ShowEmail { get; private set; }

    public bool ShowSkills { get; private set; }

    /// "Show others when I am in today".
    public bool SharePresence { get; private set; }

    public DateTime? UpdatedAt { get; private set; }

    public void Apply(PrivacyChoices choices, DateTime now)
    {
        ListedInDirectory = choices.ListedInDirectory;
        ShowPhoto = choices.ShowPhoto;
        ShowCompany = choices.ShowCompany;
        ShowCategory = choices.ShowCategory;
        ShowPhone = choices.ShowPhone;
        ShowEmail = choices.ShowEmail;
        ShowSkills = choices.ShowSkills;
        SharePresence = choices.SharePresence;
        UpdatedAt = now;
    }

    public PrivacyChoices ToChoices() => new()
    {
        ListedInDirectory = ListedInDirectory,
        ShowPhoto = ShowPhoto,
        ShowCompany = ShowCompany,
        ShowCategory = ShowCategory,
        ShowPhone = ShowPhone,
        ShowEmail = ShowEmail,
        ShowSkills = ShowSkills,
        SharePresence = SharePresence,
    };
}

/// The choices as the API and the page exchange them; a missing field is false (off).
internal sealed record PrivacyChoices
{
    public static readonly PrivacyChoices AllOff = new();

    public bool ListedInDirectory { get; init; }

    public bool ShowPhoto { get; init; }

    public bool ShowCompany { get; init; }

    public bool ShowCategory { get; init; }

    public bool ShowPhone { get; init; }

    public bool ShowEmail { get; init; }

    public bool ShowSkills { get; init; }

    public bool SharePresence { get; init; }
}

internal sealed class MemberPrivacyConfiguration : IEntityTypeConfiguration<MemberPrivacy>
{
    public void Configure(EntityTypeBuilder<MemberPrivacy> builder)
    {
        builder.ToTable("MemberPrivacy");
        builder.HasKey(p => p.MemberId);
        builder.Property(p => p.MemberId).ValueGeneratedNever();
        builder.HasOne<Member>().WithMany().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}
