using System.ComponentModel.DataAnnotations;
using Cotravail.Common.Errors;
using Cotravail.Common.Localization;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Community.Moderation;

internal static class ModerationLimits
{
    /// A hiding reason and a report's note.
    public const int ReasonMax = 500;

    /// Reports a member may make per 24 hours; beyond, 409 (a flood of reports is itself a nuisance).
    public const int ReportsPerDay = 20;
}

/// A member's report: the post (kind and id), a reason from the list, an optional note for the staff.
internal sealed record ReportInput : IValidatableObject
{
    /// Question, Answer or Project.
    public PostKind Kind { get; init; } = PostKind.Question;

    public Guid PostId { get; init; }

    /// Spam, Offensive, PersonalData or Other.
    public ReportReason? Reason { get; init; }

    [StringLength(ModerationLimits.ReasonMax, ErrorMessage = Messages.TooLong), Display(Name = "Note for the staff")]
    public string? Note { get; init; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var l = validationContext.GetRequiredService<IStringLocalizer<SharedResource>>();
        if (!Enum.IsDefined(Kind))
        {
            yield return new(l["Choose a question, an answer or a project."], [nameof(Kind)]);
        }
        if (PostId == Guid.Empty)
        {
            yield return new(l["Say which post you report."], [nameof(PostId)]);
        }
        if (Reason is not { } reason || !Enum.IsDefined(reason))
        {
            yield return new(l["Choose a reason from the list."], [nameof(Reason)]);
        }
    }
}

/// Why staff hide a post: told to its author, kept in the audit log.
internal sealed record HideInput
{
    [Required(ErrorMessage = Messages.Required), StringLength(ModerationLimits.ReasonMax, ErrorMessage = Messages.TooLong), Display(Name = "Reason")]
    public string? Reason { get; init; }
}
