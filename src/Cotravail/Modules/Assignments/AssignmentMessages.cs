namespace Cotravail.Modules.Assignments;

/// Assignment messages, resource keys shown by the field they concern. None names the holder: members
/// who are refused a booking learn only that the resource is taken by someone for the period.
internal static class AssignmentMessages
{
    public const string AssignedToMember = "This desk or office is assigned to a member for this period.";
    public const string AssignedToCompany = "This desk or office is assigned to a company for this period.";
    public const string Assigned = "This desk or office is assigned to someone for this period.";
    public const string AssignedToYou = "This desk or office is assigned to you for this period: you may use it without booking.";
    public const string NotAssignable = "Only dedicated desks and private offices are assigned.";
    public const string MemberOrCompany = "Choose a member or a company (one of them).";
    public const string UnknownMember = "No active member has this id.";
    public const string UnknownCompany = "No active company has this id.";
    public const string NotADate = "Give a date such as 2026-12-01.";
    public const string EndBeforeStart = "The end date must be after the start date.";
    public const string EndTooLate = "An assignment can be shortened, not lengthened: give a date no later than its current end.";
    public const string Overlaps = "This desk or office is already assigned for part of this period.";
    public const string BookingsInTheWay = "This desk or office is booked during this period: cancel or move these bookings first.";
}
