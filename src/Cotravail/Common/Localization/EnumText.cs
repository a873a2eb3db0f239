using Cotravail.Common.Auth;
using Cotravail.Modules.Members;
using Cotravail.Modules.Resources;

namespace Cotravail.Common.Localization;

/// English resource keys for the enums shown to people (the resource files translate them).
internal static class EnumText
{
    public static string Of(ResourceKind kind) => kind switch
    {
        ResourceKind.HotDeskZone => "Hot-desk zone",
        ResourceKind.DedicatedDesk => "Dedicated desk",
        ResourceKind.PrivateOffice => "Private office",
        ResourceKind.MeetingRoom => "Meeting room",
        ResourceKind.VideoRoom => "Video room",
        ResourceKind.PhoneBooth => "Phone booth",
        ResourceKind.Equipment => "Equipment",
        _ => kind.ToString(),
    };

    public static string Of(StaffRole role) => role switch
    {
        StaffRole.Manager => "Manager",
        StaffRole.Host => "Host",
        _ => role.ToString(),
    };

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

    public static string Of(Amenity amenity) => amenity switch
    {
        Amenity.Screen => "Screen",
        Amenity.Whiteboard => "Whiteboard",
        Amenity.VisioKit => "Video-conference kit",
        Amenity.Projector => "Projector",
        Amenity.Phone => "Phone",
        Amenity.Printer => "Printer",
        Amenity.NaturalLight => "Natural light",
        Amenity.AirConditioning => "Air conditioning",
        Amenity.Kitchenette => "Kitchenette",
        Amenity.Lockers => "Lockers",
        Amenity.StandingDesk => "Standing desk",
        Amenity.Soundproof => "Soundproofed",
        _ => amenity.ToString(),
    };

    public static string Of(Accessibility accessibility) => accessibility switch
    {
        Accessibility.StepFree => "Step-free access",
        Accessibility.Wheelchair => "Wheelchair accessible",
        Accessibility.HearingLoop => "Hearing loop",
        Accessibility.AccessibleToilets => "Accessible toilets",
        _ => accessibility.ToString(),
    };

    public static string Of(DayOfWeek day) => day.ToString();

    public static IEnumerable<T> Flags<T>(T value) where T : struct, Enum =>
        Enum.GetValues<T>().Where(f => Convert.ToInt32(f, System.Globalization.CultureInfo.InvariantCulture) != 0 && value.HasFlag(f));
}
