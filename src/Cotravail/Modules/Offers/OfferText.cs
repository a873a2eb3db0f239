using Cotravail.Modules.Members;

namespace Cotravail.Modules.Offers;

/// English resource keys for the offers' enums shown to people (the resource files translate them).
internal static class OfferText
{
    public static string Of(OfferKind kind) => kind switch
    {
        OfferKind.HalfDayPass => "Half-day pass",
        OfferKind.DayPass => "Day pass",
        OfferKind.WeekPass => "Week pass",
        OfferKind.Bundle => "Bundle of passes",
        OfferKind.MonthlyPlan => "Monthly plan",
        OfferKind.AnnualPlan => "Annual plan",
        OfferKind.MembershipFee => "Membership fee",
        OfferKind.Product => "Product or service",
        _ => kind.ToString(),
    };

    /// The heading of a catalogue's group of offers: passes and bundles, plans, the membership, products.
    public static string Family(OfferKind kind) => kind switch
    {
        OfferKind.HalfDayPass or OfferKind.DayPass or OfferKind.WeekPass or OfferKind.Bundle => "Passes and bundles",
        OfferKind.MonthlyPlan or OfferKind.AnnualPlan => "Plans",
        OfferKind.MembershipFee => "Membership",
        _ => "Products and services",
    };

    public static string Of(PlanSpace space) => space switch
    {
        PlanSpace.OpenSpace => "Open-space seat",
        PlanSpace.DedicatedDesk => "Dedicated desk",
        PlanSpace.PrivateOffice => "Private office",
        _ => space.ToString(),
    };

    public static string Of(CreditKind kind) => kind switch
    {
        CreditKind.MeetingRoomHours => "Meeting-room hours",
        CreditKind.PrintPages => "Print pages",
        _ => kind.ToString(),
    };

    /// "{0} meeting-room hours per month": a credit as a plan or a bundle includes it.
    public static string Credit(CreditKind kind, OfferKind offer) => (kind, offer == OfferKind.Bundle) switch
    {
        (CreditKind.MeetingRoomHours, false) => "{0} meeting-room hours per month",
        (CreditKind.MeetingRoomHours, true) => "{0} meeting-room hours with the bundle",
        (CreditKind.PrintPages, false) => "{0} print pages per month",
        (CreditKind.PrintPages, true) => "{0} print pages with the bundle",
        _ => "{0}",
    };

    /// What a price is for: "per month" for a monthly plan (an annual plan is billed by the year).
    public static string? Per(OfferKind kind) => kind switch
    {
        OfferKind.MonthlyPlan => "per month",
        OfferKind.AnnualPlan or OfferKind.MembershipFee => "per year",
        _ => null,
    };

    /// The category as a group of people, for the reduced prices ("Students: €90.00").
    public static string People(MemberCategory category) => category switch
    {
        MemberCategory.Freelancer => "Freelancers",
        MemberCategory.AutoEntrepreneur => "Auto-entrepreneurs",
        MemberCategory.Consultant => "Consultants",
        MemberCategory.PortageSalarial => "Umbrella-company workers",
        MemberCategory.Teleworker => "Teleworkers",
        MemberCategory.CompanyEmployee => "Employees of member companies",
        MemberCategory.Student => "Students",
        MemberCategory.Retiree => "Retirees",
        MemberCategory.JobSeeker => "Job seekers",
        MemberCategory.Volunteer => "Volunteers",
        MemberCategory.Other => "Other members",
        _ => category.ToString(),
    };
}
