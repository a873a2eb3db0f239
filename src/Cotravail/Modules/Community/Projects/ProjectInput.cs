using System.ComponentModel.DataAnnotations;
using Cotravail.Common.Errors;
using Cotravail.Common.Localization;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Community.Projects;

/// A project as the API and the page send it (create and PUT): the skills replace what was there.
internal sealed record ProjectInput : IValidatableObject
{
    public ProjectKind Kind { get; init; }

    [Required(ErrorMessage = Messages.Required), StringLength(CommunityProject.TitleMax, ErrorMessage = Messages.TooLong), Display(Name = "Title")]
    public string? Title { get; init; }

    [StringLength(CommunityProject.DescriptionMax, ErrorMessage = Messages.TooLong), Display(Name = "Description")]
    public string? Description { get; init; }

    /// Skills of the vocabulary the project needs (slugs, GET /api/v1/community/skills), 1 to 8.
    public List<string> Skills { get; init; } = [];

    /// The last day to join; not in the past.
    [Required(ErrorMessage = Messages.Required), Display(Name = "Deadline")]
    public DateOnly? Deadline { get; init; }

    public ProjectScope Scope { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var l = validationContext.GetRequiredService<IStringLocalizer<SharedResource>>();
        var clock = validationContext.GetRequiredService<TimeProvider>();
        if (Skills.Count is < CommunityProject.MinSkills or > CommunityProject.MaxSkills)
        {
            yield return new(l["Choose 1 to {0} skills.", CommunityProject.MaxSkills], [nameof(Skills)]);
        }
        for (var i = 0; i < Skills.Count; i++)
        {
            if (!SkillVocabulary.BySlug.ContainsKey(Skills[i] ?? ""))
            {
                yield return new(l["Choose skills from the list."], [$"{nameof(Skills)}[{i}]"]);
            }
        }
        if (Deadline is { } deadline && deadline < Today(clock))
        {
            yield return new(l["The deadline cannot be in the past."], [nameof(Deadline)]);
        }
        if (!Enum.IsDefined(Kind))
        {
            yield return new(l["Choose a kind from the list."], [nameof(Kind)]);
        }
        if (!Enum.IsDefined(Scope))
        {
            yield return new(l["Choose who sees the project."], [nameof(Scope)]);
        }
    }

    /// Today, on the earliest clock of the network's time zones (a deadline is a day, not an instant).
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime.AddHours(-12));
}

/// Expressing interest: a short note for the owner.
internal sealed record InterestInput
{
    [StringLength(CommunityProject.NoteMax, ErrorMessage = Messages.TooLong), Display(Name = "Note")]
    public string? Note { get; init; }
}

/// Inviting, accepting, declining or introducing a member.
internal sealed record MemberChoice
{
    public Guid? MemberId { get; init; }
}
