using Cotravail.Common;

namespace Cotravail.Modules.Members;

internal sealed record MemberInput
{
    [MemberFields.FirstName]
    public string FirstName { get; init; } = "";

    [MemberFields.LastName]
    public string LastName { get; init; } = "";

    [MemberFields.Email]
    public string Email { get; init; } = "";

    [MemberFields.Phone]
    public string? Phone { get; init; }

    [AddressFields.Street]
    public string? Street { get; init; }

    [AddressFields.PostalCode]
    public string? PostalCode { get; init; }

    [AddressFields.City(Optional = true)]
    public string? City { get; init; }

    /// Empty with an address: "FR".
    [AddressFields.CountryCode(Optional = true)]
    public string? CountryCode { get; init; }

    [MemberFields.Category]
    public MemberCategory? Category { get; init; }

    [MemberFields.HomeLocation]
    public Guid? HomeLocationId { get; init; }

    [MemberFields.Company]
    public Guid? CompanyId { get; init; }

    public bool BilledToCompany { get; init; }

    public bool IsCompanyAdmin { get; init; }

    public void ApplyTo(Member member)
    {
        member.FirstName = MemberFields.Name(FirstName);
        member.LastName = MemberFields.Name(LastName);
        member.ChangeEmail(Email);
        member.Phone = MemberFields.Phone(Phone);
        member.MoveTo(Street, PostalCode, City, CountryCode);
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
        Street = m.Street,
        PostalCode = m.PostalCode,
        City = m.City,
        CountryCode = m.CountryCode,
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
    string? Street,
    string? PostalCode,
    string? City,
    string? CountryCode,
    MemberCategory Category,
    Guid HomeLocationId,
    string HomeLocationName,
    Guid? CompanyId,
    string? CompanyName,
    bool BilledToCompany,
    bool IsCompanyAdmin,
    bool HasAccount,
    bool IsActive);
