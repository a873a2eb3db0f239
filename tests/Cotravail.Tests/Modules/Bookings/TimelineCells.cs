using AngleSharp.Dom;
using Cotravail.Common.Auth;
using Cotravail.Tests.Infrastructure;

namespace Cotravail.Tests.Modules.Bookings;

/// Reading the day timeline's cells: a run of half-hours (a booking, a stretch closed or assigned) is one cell
/// from its data-time to its data-end.
internal static class TimelineCells
{
    /// The cell of a row that covers `time` ("10:00").
    public static IElement At(IElement row, string time) => row.QuerySelectorAll("td").Single(td =>
        string.CompareOrdinal(td.GetAttribute("data-time"), time) <= 0 && string.CompareOrdinal(time, td.GetAttribute("data-end")) < 0);

    public static IElement At(IDocument doc, Guid resource, string time) => At(doc.QuerySelector($"tr[data-resource='{resource}']")!, time);
}

/// Staff of one location signed in as a browser (cookie client), for the front-desk and timeline pages.
internal static class StaffBrowsers
{
    public static async Task<HttpClient> StaffBrowserAsync(this TestApp app, Guid location, StaffRole role) =>
        await app.BrowserClientAsync(await app.NewStaffAsync(location, role, role.ToString().ToLowerInvariant()));
}
