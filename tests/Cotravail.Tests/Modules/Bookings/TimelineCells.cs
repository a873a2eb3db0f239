using AngleSharp.Dom;

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
