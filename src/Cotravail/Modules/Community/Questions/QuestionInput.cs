using System.ComponentModel.DataAnnotations;
using Cotravail.Common.Errors;
using Cotravail.Common.Localization;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Community.Questions;

/// A question or need as the API and the page send it.
internal sealed record QuestionInput : IValidatableObject
{
    [Required(ErrorMessage = Messages.Required), StringLength(CommunityQuestion.TitleMax, ErrorMessage = Messages.TooLong), Display(Name = "Title")]
    public string? Title { get; init; }

    [Required(ErrorMessage = Messages.Required), StringLength(CommunityQuestion.BodyMax, ErrorMessage = Messages.TooLong), Display(Name = "Details")]
    public string? Body { get; init; }

    /// 1 to 5 skills of the vocabulary (slugs, GET /api/v1/community/skills).
    public List<string> Skills { get; init; } = [];

    /// Who may read it and be asked: my location, or the network.
    public QuestionScope Scope { get; init; } = QuestionScope.Location;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var l = validationContext.GetRequiredService<IStringLocalizer<SharedResource>>();
        if (Skills.Count is 0 or > CommunityQuestion.MaxSkills)
        {
            yield return new(l["Choose 1 to {0} skills.", CommunityQuestion.MaxSkills], [nameof(Skills)]);
        }
        for (var i = 0; i < Skills.Count; i++)
        {
            if (!SkillVocabulary.BySlug.ContainsKey(Skills[i] ?? ""))
            {
                yield return new(l["Choose skills from the list."], [$"{nameof(Skills)}[{i}]"]);
            }
        }
        if (!Enum.IsDefined(Scope))
        {
            yield return new(l["Choose who may read it: my location or the network."], [nameof(Scope)]);
        }
    }
}

/// An answer in a thread.
internal sealed record AnswerInput
{
    [Required(ErrorMessage = Messages.Required), StringLength(CommunityQuestion.BodyMax, ErrorMessage = Messages.TooLong), Display(Name = "Answer")]
    public string? Body { get; init; }
}

/// The answer that solves the question.
internal sealed record SolveInput(Guid AnswerId);

/// Notifications to mark read; none: all of them.
internal sealed record ReadInput(List<Guid>? Ids);

/// The topics I mute: skills' slugs, or "trade:Tech" for a whole trade.
internal sealed record MutesInput : IValidatableObject
{
    public const string TradePrefix = "trade:";

    public List<string> Topics { get; init; } = [];

    public static bool IsTopic(string? topic) =>
        topic is not null && (SkillVocabulary.BySlug.ContainsKey(topic)
            || (topic.StartsWith(TradePrefix, StringComparison.Ordinal) && Enum.TryParse<Trade>(topic[TradePrefix.Length..], out var trade)
                && Enum.IsDefined(trade) && trade.ToString() == topic[TradePrefix.Length..]));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var l = validationContext.GetRequiredService<IStringLocalizer<SharedResource>>();
        if (Topics.Count > SkillVocabulary.All.Count + Enum.GetValues<Trade>().Length)
        {
            yield return new(l["Too many topics."], [nameof(Topics)]);
            yield break;
        }
        for (var i = 0; i < Topics.Count; i++)
        {
            if (!IsTopic(Topics[i]))
            {
                yield return new(l["A topic is a skill of the list or a trade (trade:Tech)."], [$"{nameof(Topics)}[{i}]"]);
            }
        }
    }
}
