using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Bookings;

/// The cancellation terms in words, as the booking form, the booking page and the cancel step say them.
internal static class CancellationText
{
    /// One sentence: free until N hours before the start, then a share of the price.
    public static string Terms(IStringLocalizer l, int freeHours, int latePercent) => latePercent <= 0
        ? l["Cancellation is free of charge at any time."].Value
        : freeHours <= 0
            ? l["Free cancellation until the start; later, a fee of {0} % of the price is due.", latePercent].Value
            : l["Free cancellation until {0} hours before the start; later, a fee of {1} % of the price is due.", freeHours, latePercent].Value;

    /// The booking page's version, with the local time the free window ends.
    public static string Terms(IStringLocalizer l, BookingDetail detail) => detail.Cancellation.LateCancellationPercent <= 0
        ? Terms(l, 0, 0)
        : l["Free cancellation until {0} ({1} hours before the start); later, a fee of {2} % of the price is due.",
            When(detail.Cancellation.LocalFreeUntil), detail.Cancellation.FreeCancellationHours, detail.Cancellation.LateCancellationPercent].Value;

    /// What cancelling now costs, or null when the booking can no longer be cancelled.
    public static string? FeeNow(IStringLocalizer l, BookingDetail detail) => detail.FeeNowExclVat is not { } fee
        ? null
        : fee.Cents == 0
            ? l["Cancelling now is free of charge."].Value
            : l["Cancelling now costs a fee of {0} excl. VAT ({1} incl. VAT).", fee.Format(CultureInfo.CurrentCulture), detail.FeeNowInclVat!.Value.Format(CultureInfo.CurrentCulture)].Value;

    public static string When(DateTime local) =>
        $"{local.ToString("dddd d MMMM yyyy", CultureInfo.CurrentCulture)}, {local.ToString("HH:mm", CultureInfo.InvariantCulture)}";
}
