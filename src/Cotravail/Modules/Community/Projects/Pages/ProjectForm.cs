using Cotravail.Common.Errors;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Community.Projects.Pages;

/// The form's shape of ProjectInput (no attributes: the API's validator gives the messages, in the reader's language).
internal sealed record ProjectForm
{
    public ProjectKind Kind { get; init; } = ProjectKind.CallForPartners;

    public string? Title { get; init; }

    public string? Description { get; init; }

    public List<string> Skills { get; init; } = [];

    public DateOnly? Deadline { get; init; }

    public ProjectScope Scope { get; init; } = ProjectScope.Network;

    public static ProjectForm From(ProjectView view) => new()
    {
        Kind = view.Kind,
        Title = view.Title,
        Description = view.Description,
        Skills = [.. view.Skills.Select(s => s.Slug)],
        Deadline = view.Deadline,
        Scope = view.Scope,
    };

    public ProjectInput ToInput() => new()
    {
        Kind = Kind,
        Title = Title,
        Description = Description,
        Skills = Skills,
        Deadline = Deadline,
        Scope = Scope,
    };

    /// Runs the API's validator and puts each message by its field ("skills[2]" by the skills list); true when valid.
    public static bool Check(ProjectInput input, ModelStateDictionary modelState, IStringLocalizer l, IServiceProvider services)
    {
        foreach (var (field, messages) in LocalizedValidator.Validate(input, l, services))
        {
            var name = field.Split('[')[0];
            var key = name.Length == 0 ? "" : $"Input.{char.ToUpperInvariant(name[0])}{name[1..]}";
            foreach (var message in messages)
            {
                modelState.AddModelError(key, message);
            }
        }
        return modelState.IsValid;
    }
}
