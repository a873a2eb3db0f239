using System.ComponentModel.DataAnnotations;
using Cotravail.Common.Email;
using Cotravail.Common.Errors;

namespace Cotravail.Modules.Members;

internal sealed record MemberInput
{
    [Required(ErrorMessage = Messages.Required), StringLength(100, ErrorMessage = Messages.TooLong), Display(Name = "First name")]
    public string FirstName { get; init; } = "";

    [Required(ErrorMessage = Messages.Required), StringLength(100, ErrorMessage = Messages.TooLong), Display(Name = "Last name")]
    public string LastName { get; init; } = "";

    [Required(ErrorMessage = Messages.Required), ValidEmail, StringLength(256, ErrorMessage = Messages.TooLong), Display(Name = "Email")]
    public string Email { get; init; } = "";

    [StringLength(30, ErrorMessage = Messages.TooLong), RegularExpression(@"^\+?[0-9 .()-]{6,30}$", ErrorMessage = Messages.Format), Display(Name = "Phone")]
    public string? Phone { get; init; }

    [Required(ErrorMessage = Messages.Required), Display(Name = "Status")]
    public MemberCategory? Category { get; init; }

    [Required(ErrorMessage = Messages.Required), Display(Name = "Home location")]
    public Guid? HomeLocationId { get; init; }

    [Display(Name = "Company")]
    public Guid? CompanyId { get; init; }

    public bool BilledToCompany { get; init; }

    public bool IsCompanyAdmin { get; init; }

    public void ApplyTo(Member member)
    {
        member.FirstName = FirstName.Trim();
        member.LastName = LastName.Trim();
        member.ChangeEmail(Email);
        member.Phone = string.IsNullOrWhiteSpace(Phone) ? null : Phone.Trim();
        member.Category = Category!.Value;
        member.HomeLocationId = HomeLocationId!.Value;
        member.JoinCompany(CompanyId, BilledToCompany, IsCompanyAdmin);
    }

    public static MemberInput From(Member m) => new()
    {
        FirstName = m.FirstName,
        LastName = m.LastName,
        Email = m.Email,
        Phone = m.Phone,
        Category = m.Category,
        HomeLocationId = m.HomeLocationId,
        CompanyId = m.CompanyId,
        BilledToCompany = m.BilledToCompany,
        IsCompanyAdmin = m.IsCompanyAdmin,
    };
}

internal sealed record MemberResponse(
    Guid Id,
    string FirstName,
    string LastName,
    string Email,
    string? Phone,
    MemberCategory Category,
    Guid HomeLocationId,
    string HomeLocationName,
    Guid? CompanyId,
    string? CompanyName,
    bool BilledToCompany,
    bool IsCompanyAdmin,
    bool HasAccount,
    bool IsActive);
