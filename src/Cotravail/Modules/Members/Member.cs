using Cotravail.Common;
using Cotravail.Common.Email;

namespace Cotravail.Modules.Members;

internal enum MemberCategory
{
    Freelancer,
    AutoEntrepreneur,
    Consultant,
    PortageSalarial,
    Teleworker,
    CompanyEmployee,
    Student,
    Retiree,
    JobSeeker,
    Volunteer,
    Other,
}

/// A person who works at the network's spaces. May have a sign-in account (UserId) and a company that pays.
internal sealed class Member
{
    private Member()
    {
    }

    public Member(string firstName, string lastName, string email, MemberCategory category, Guid homeLocationId)
    {
        Id = Guid.CreateVersion7();
        FirstName = firstName;
        LastName = lastName;
        Email = NormalizeEmail(email);
        Category = category;
        HomeLocationId = homeLocationId;
    }

    public Guid Id { get; private set; }

    public Guid? UserId { get; private set; }

    public string FirstName { get; set; } = "";

    public string LastName { get; set; } = "";

    /// Stored as EmailText.Canonical (trimmed, NFC, lower-case); unique across the network.
    public string Email { get; private set; } = "";

    public string? Phone { get; set; }

    /// The billing address, printed on the invoices of a member who pays for themselves; all null when none.
    public string? Street { get; private set; }

    public string? PostalCode { get; private set; }

    public string? City { get; private set; }

    /// ISO 3166-1 alpha-2; "FR" when an address is given without one.
    public string? CountryCode { get; private set; }

    public MemberCategory Category { get; set; }

    public Guid HomeLocationId { get; set; }

    public Guid? CompanyId { get; private set; }

    /// The company receives this member's invoices.
    public bool BilledToCompany { get; private set; }

    public bool IsCompanyAdmin { get; private set; }

    public bool IsActive { get; private set; } = true;

    public DateTime CreatedAt { get; set; }

    public string FullName => $"{FirstName} {LastName}";

    public static string NormalizeEmail(string email) => EmailText.Canonical(email);

    public void ChangeEmail(string email) => Email = NormalizeEmail(email);

    /// Blank parts are stored as null; no address at all leaves the country null too.
    public void MoveTo(string? street, string? postalCode, string? city, string? countryCode)
    {
        (Street, PostalCode, City) = (AddressFields.Text(street), AddressFields.Text(postalCode), AddressFields.Text(city));
        CountryCode = Street is null && PostalCode is null && City is null ? null : AddressFields.Text(countryCode) ?? "FR";
    }

    public void LinkAccount(Guid userId) => UserId = userId;

    public void JoinCompany(Guid? companyId, bool billedToCompany, bool isCompanyAdmin)
    {
        CompanyId = companyId;
        BilledToCompany = companyId is not null && billedToCompany;
        IsCompanyAdmin = companyId is not null && isCompanyAdmin;
    }

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;

    /// Erasure (GDPR art. 17): no personal data left, the id kept for what refers to it.
    public void Anonymise(string name, string placeholderEmail)
    {
        FirstName = name;
        LastName = "";
        Email = placeholderEmail;
        Phone = null;
        MoveTo(null, null, null, null);
        IsCompanyAdmin = false;
        IsActive = false;
    }
}
