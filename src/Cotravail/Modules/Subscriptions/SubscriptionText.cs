namespace Cotravail.Modules.Subscriptions;

/// English resource keys for what the subscription pages show of a subscription: its state, its balances.
internal static class SubscriptionText
{
    public static string Of(SubscriptionState state) => state switch
    {
        SubscriptionState.Upcoming => "Upcoming",
        SubscriptionState.Active => "Active",
        SubscriptionState.Paused => "Paused",
        SubscriptionState.Ended => "Ended",
        _ => state.ToString(),
    };

    /// "{0} of {1} days left this week": what is left of a balance over its period (meeting-room time in hours).
    public static string Balance(AllowanceUnit unit, bool pass) => (unit, pass) switch
    {
        (AllowanceUnit.Days, true) => "{0} of {1} days left, until {2}",
        (AllowanceUnit.Days, false) => "{0} of {1} days left this week",
        (AllowanceUnit.Minutes, true) => "{0} of {1} meeting-room hours left, until {2}",
        (AllowanceUnit.Minutes, false) => "{0} of {1} meeting-room hours left this month",
        (AllowanceUnit.PrintPages, true) => "{0} of {1} print pages left, until {2}",
        (AllowanceUnit.PrintPages, false) => "{0} of {1} print pages left this month",
        _ => "{0} of {1}",
    };
}
