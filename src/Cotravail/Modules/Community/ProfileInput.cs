using System.ComponentModel.DataAnnotations;
using Cotravail.Common.Errors;
using Cotravail.Common.Localization;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Community;

/// A member's community profile as the API and the page send it; lists replace what was there.
internal sealed record ProfileInput : IValidatableObject
{
    /// The languages offered on the page; the API takes any ISO 639-1 code among them.
    public static readonly IReadOnlyList<string> KnownLanguages = ["fr", "en", "es", "de", "it", "pt", "nl", "ar", "zh", "ru", "pl", "ro", "tr", "ja", "uk", "br", "oc", "eu", "ca", "co"];

    [StringLength(MemberProfile.HeadlineMax, ErrorMessage = Messages.TooLong), Display(Name = "Headline")]
    public string? Headline { get; init; }

    [StringLength(MemberProfile.BioMax, ErrorMessage = Messages.TooLong), Display(Name = "Bio")]
    public string? Bio { get; init; }

    [StringLength(MemberProfile.OfferMax, ErrorMessage = Messages.TooLong), Display(Name = "What I offer")]
    public string? Offers { get; init; }

    [StringLength(MemberProfile.OfferMax, ErrorMessage = Messages.TooLong), Display(Name = "What I seek")]
    public string? Seeks { get; init; }

    public bool OpenToMissions { get; init; }

    public bool OpenToPartnerships { get; init; }

    /// Skills of the vocabulary I offer (slugs, GET /api/v1/community/skills).
    public List<string> Skills { get; init; } = [];

    /// Skills of the vocabulary I seek in others.
    public List<string> SeekingSkills { get; init; } = [];

    public List<string> Tags { get; init; } = [];

    public List<string> Languages { get; init; } = [];

    public List<string> Links { get; init; } = [];

    /// The weekly community digest by email (off by default).
    public bool WeeklyDigest { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var l = validationContext.GetRequiredService<IStringLocalizer<SharedResource>>();
        foreach (var result in CheckSkills(Skills, nameof(Skills), l).Concat(CheckSkills(SeekingSkills, nameof(SeekingSkills), l)))
        {
            yield return result;
        }
        if (Tags.Count > MemberProfile.MaxTags)
        {
            yield return new(l["At most {0} tags.", MemberProfile.MaxTags], [nameof(Tags)]);
        }
        for (var i = 0; i < Tags.Count && i < MemberProfile.MaxTags; i++)
        {
            var tag = Tags[i]?.Trim() ?? "";
            if (tag.Length > MemberProfile.TagMax || SkillVocabulary.Fold(tag).Length == 0)
            {
                yield return new(l["A tag has 1 to {0} characters, with at least one letter or digit.", MemberProfile.TagMax], [$"{nameof(Tags)}[{i}]"]);
            }
        }
        for (var i = 0; i < Languages.Count; i++)
        {
            if (!KnownLanguages.Contains(Languages[i] ?? ""))
            {
                yield return new(l["Choose languages from the list."], [$"{nameof(Languages)}[{i}]"]);
            }
        }
        if (Links.Count > MemberProfile.MaxLinks)
        {
            yield return new(l["At most {0} links.", MemberProfile.MaxLinks], [nameof(Links)]);
        }
        for (var i = 0; i < Links.Count && i < MemberProfile.MaxLinks; i++)
        {
            if (!IsWebAddress(Links[i]))
            {
                yield return new(l["A link is a web address starting with https:// (at most {0} characters).", MemberProfile.LinkMax], [$"{nameof(Links)}[{i}]"]);
            }
        }
    }

    public static bool IsWebAddress(string? text) =>
        text is { Length: > 0 and <= MemberProfile.LinkMax }
        && Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri)
        && uri.Scheme is "https" or "http"
        && uri.Host.Contains('.', StringComparison.Ordinal)
        && !text.Any(char.IsControl);

    private static IEnumerable<ValidationResult> CheckSkills(List<string> skills, string field, IStringLocalizer l)
    {
        if (skills.Count > MemberProfile.MaxSkills)
        {
            yield return new(l["At most {0} skills.", MemberProfile.MaxSkills], [field]);
        }
        for (var i = 0; i < skills.Count; i++)
        {
            if (!SkillVocabulary.BySlug.ContainsKey(skills[i] ?? ""))
            {
                yield return new(l["Choose skills from the list."], [$"{field}[{i}]"]);
            }
        }
    }
}
