namespace Cotravail.Modules.Joining;

internal static class JoinRequestText
{
    public static string Of(JoinRequestStatus status) => status switch
    {
        JoinRequestStatus.Pending => "Pending",
        JoinRequestStatus.Approved => "Approved",
        JoinRequestStatus.Declined => "Declined",
        _ => status.ToString(),
    };
}
