namespace Cotravail.Modules.Members;

/// English resource keys for the members' enums shown to people (the resource files translate them).
internal static class MemberText
{
    public static string Of(MemberCategory category) => category switch
    {
        MemberCategory.Freelancer => "Freelancer",
        MemberCategory.AutoEntrepreneur => "Auto-entrepreneur",
        MemberCategory.Consultant => "Consultant",
        MemberCategory.PortageSalarial => "Umbrella company (portage salarial)",
        MemberCategory.Teleworker => "Teleworker",
        MemberCategory.CompanyEmployee => "Employee of a member company",
        MemberCategory.Student => "Student",
        MemberCategory.Retiree => "Retiree",
        MemberCategory.JobSeeker => "Job seeker",
        MemberCategory.Volunteer => "Volunteer",
        MemberCategory.Other => "Other",
        _ => category.ToString(),
    };
}
