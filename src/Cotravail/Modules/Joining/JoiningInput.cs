using System.ComponentModel.DataAnnotations;
using Cotravail.Common.Errors;
using Cotravail.Modules.Members;

namespace Cotravail.Modules.Joining;

/// What a visitor fills in on /join/{slug}.
internal sealed record JoinInput
{
    [MemberFields.FirstName]
    public string FirstName { get; init; } = "";

    [MemberFields.LastName]
    public string LastName { get; init; } = "";

    [MemberFields.Email]
    public string Email { get; init; } = "";

    [MemberFields.Phone]
    public string? Phone { get; init; }

    [MemberFields.Category]
    public MemberCategory? Category { get; init; }

    [StringLength(200, ErrorMessage = Messages.TooLong), Display(Name = "Company name")]
    public string? CompanyName { get; init; }

    [StringLength(JoinRequest.MessageLength, ErrorMessage = Messages.TooLong), Display(Name = "Message")]
    public string? Message { get; init; }

    [Required(ErrorMessage = Messages.Required), StringLength(128, MinimumLength = 12, ErrorMessage = Messages.Length), Display(Name = "Password")]
    public string Password { get; init; } = "";
}

internal sealed record DeclineInput
{
    [StringLength(JoinRequest.ReasonLength, ErrorMessage = Messages.TooLong), Display(Name = "Reason")]
    public string? Reason { get; init; }
}

/// Staff invite anyone to a location they manage; a company admin invites employees of the company.
internal sealed record InvitationInput
{
    [MemberFields.Email]
    public string Email { get; init; } = "";

    [MemberFields.FirstName]
    public string FirstName { get; init; } = "";

    [MemberFields.LastName]
    public string LastName { get; init; } = "";

    [MemberFields.HomeLocation]
    public Guid? LocationId { get; init; }

    /// Ignored for a company admin's invitation (always an employee of the company).
    [MemberFields.Category(Optional = true)]
    public MemberCategory? Category { get; init; }

    [MemberFields.Company]
    public Guid? CompanyId { get; init; }
}

internal sealed record JoinRequestResponse(
    Guid Id,
    Guid LocationId,
    string LocationName,
    string FirstName,
    string LastName,
    string Email,
    string? Phone,
    MemberCategory Category,
    string? CompanyName,
    string? Message,
    JoinRequestStatus Status,
    bool EmailConfirmed,
    DateTime CreatedAt,
    DateTime? DecidedAt,
    string? DeclineReason,
    Guid? MemberId);

internal sealed record InvitationResponse(
    Guid Id,
    string Email,
    string FirstName,
    string LastName,
    Guid LocationId,
    string LocationName,
    MemberCategory Category,
    Guid? CompanyId,
    DateTime CreatedAt,
    DateTime ExpiresAt,
    DateTime? AcceptedAt);
