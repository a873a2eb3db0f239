namespace Cotravail.Modules.Community.Projects;

/// English resource keys for the board's states (the resource files translate them).
internal static class ProjectText
{
    public static string Of(ProjectMemberState state) => state switch
    {
        ProjectMemberState.Interested => "Interested",
        ProjectMemberState.Invited => "Invited",
        ProjectMemberState.Accepted => "On the team",
        ProjectMemberState.Declined => "Declined",
        ProjectMemberState.Introduced => "Introduced",
        _ => state.ToString(),
    };
}
