using Cotravail.Common.Errors;
using Cotravail.Common.Localization;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Bookings;

/// The notice a front-desk action (approve, decline, check in) leaves for the page it returns to: "Done"
/// with what happened, or "Problem" with why not.
internal static class DeskNotice
{
    public static void Tell(ITempDataDictionary tempData, IStringLocalizer<SharedResource> l, Result<BookingResponse> result, string success) =>
        tempData[result.IsOk ? "Done" : "Problem"] = result.IsOk
            ? success
            : result.Error is NotFound ? l["{0} was not found.", l["Booking"]].Value : l[result.Error.Message].Value;
}
