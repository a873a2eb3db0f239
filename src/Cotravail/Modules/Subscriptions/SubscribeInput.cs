using System.ComponentModel.DataAnnotations;
using Cotravail.Common.Errors;

namespace Cotravail.Modules.Subscriptions;

/// A subscription as typed by staff, or a purchase by the member: the offer, who holds it, from when, who pays.
internal sealed record SubscribeInput
{
    [Required(ErrorMessage = Messages.Required), Display(Name = "Offer")]
    public Guid? OfferId { get; init; }

    /// Staff: the member; members: themselves (the default).
    public Guid? MemberId { get; init; }

    /// The first day, a local date such as "2026-12-01"; empty: today at the location.
    [StringLength(10, ErrorMessage = Messages.TooLong), Display(Name = "Start")]
    public string? StartsOn { get; init; }

    /// Billed to the member's company; empty: as the member is billed (their company when it pays for them).
    public bool? CompanyPays { get; init; }
}

/// Ends a plan: on EndsOn (a local date), at the earliest when the notice period ends (staff may end it sooner).
internal sealed record CancelInput
{
    [StringLength(10, ErrorMessage = Messages.TooLong), Display(Name = "Last day")]
    public string? EndsOn { get; init; }
}

/// Pauses a monthly plan for these days, both included: they are neither billed nor usable.
internal sealed record PauseInput
{
    [Required(ErrorMessage = Messages.Required), StringLength(10, ErrorMessage = Messages.TooLong), Display(Name = "From")]
    public string? From { get; init; }

    [Required(ErrorMessage = Messages.Required), StringLength(10, ErrorMessage = Messages.TooLong), Display(Name = "Until")]
    public string? To { get; init; }
}

/// Moves a plan to another one from a day: the old one ends the day before, each is billed for its own days.
internal sealed record ChangePlanInput
{
    [Required(ErrorMessage = Messages.Required), Display(Name = "New offer")]
    public Guid? OfferId { get; init; }

    [StringLength(10, ErrorMessage = Messages.TooLong), Display(Name = "From")]
    public string? From { get; init; }
}
