namespace Cotravail.Modules.Billing.Admin;

/// Resource keys of where a charge comes from, as the charges page shows it.
internal static class ChargeText
{
    public static string Of(ChargeSource source) => source switch
    {
        ChargeSource.Booking => "Booking",
        ChargeSource.LateCancellationFee => "Late-cancellation fee",
        ChargeSource.Assignment => "Desk or office",
        ChargeSource.Product => "Product",
        ChargeSource.Manual => "Added at the desk",
        ChargeSource.Subscription => "Pass, plan or membership",
        _ => source.ToString(),
    };
}
