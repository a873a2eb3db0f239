using Cotravail.Modules.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cotravail.Modules.Privacy;

/// Who may see one part of a member's profile: nobody (the default), the members of the member's home location,
/// or the whole network. Ordered, so "at least Location" is a comparison in SQL.
internal enum Audience
{
    Nobody = 0,
    Location = 1,
    Network = 2,
}

/// A member's own privacy choices. Every choice is Nobody until the member opens it (opt-in, GDPR art. 25);
/// a member without a row has chosen nothing. Only the member changes them, never staff (ADR 26).
internal sealed class MemberPrivacy
{
    private MemberPrivacy()
    {
    }

    public MemberPrivacy(Guid memberId) => MemberId = memberId;

    public Guid MemberId { get; private set; }

    /// Appear in the members' directory at all, and to whom; every part below is shown at most this widely.
    public Audience Listing { get; private set; }

    public Audience Photo { get; private set; }

    public Audience Company { get; private set; }

    public Audience Category { get; private set; }

    public Audience Phone { get; private set; }

    public Audience Email { get; private set; }

    /// Headline, bio, languages and links.
    public Audience Presentation { get; private set; }

    /// Skills offered and sought, tags, what I offer or seek, open to missions or partnerships; also whether
    /// "ask a neighbour" may match me by my skills.
    public Audience Skills { get; private set; }

    /// "Show others when I am in today" (to the members present at the same location).
    public bool SharePresence { get; private set; }

    public DateTime? UpdatedAt { get; private set; }

    public void Apply(PrivacyChoices choices, DateTime now)
    {
        Listing = choices.Listing;
        Photo = choices.Photo;
        Company = choices.Company;
        Category = choices.Category;
        Phone = choices.Phone;
        Email = choices.Email;
        Presentation = choices.Presentation;
        Skills = choices.Skills;
        SharePresence = choices.SharePresence;
        UpdatedAt = now;
    }

    public PrivacyChoices ToChoices() => new()
    {
        Listing = Listing,
        Photo = Photo,
        Company = Company,
        Category = Category,
        Phone = Phone,
        Email = Email,
        Presentation = Presentation,
        Skills = Skills,
        SharePresence = SharePresence,
    };
}

/// The choices as the API and the page exchange them; a missing field is Nobody (or false).
internal sealed record PrivacyChoices
{
    public static readonly PrivacyChoices AllOff = new();

    public Audience Listing { get; init; }

    public Audience Photo { get; init; }

    public Audience Company { get; init; }

    public Audience Category { get; init; }

    public Audience Phone { get; init; }

    public Audience Email { get; init; }

    public Audience Presentation { get; init; }

    public Audience Skills { get; init; }

    public bool SharePresence { get; init; }
}

/// Whether a viewer sees a part: the part's audience, never wider than the listing, against where the viewer is.
internal static class Audiences
{
    public static Audience Effective(Audience part, Audience listing) => part < listing ? part : listing;

    public static bool Sees(Audience part, Audience listing, bool sameLocation) =>
        Effective(part, listing) switch
        {
            Audience.Network => true,
            Audience.Location => sameLocation,
            _ => false,
        };
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
