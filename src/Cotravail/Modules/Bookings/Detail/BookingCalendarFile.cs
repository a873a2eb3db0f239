using System.Globalization;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;

namespace Cotravail.Modules.Bookings;

/// One booking for one's calendar: its .ics (GET /me/bookings/{id}/booking.ics, one VEVENT with the same
/// UID as in the calendar feed, so a calendar app that reads both keeps one event), and the "add to Google
/// Calendar" and "add to Outlook" addresses, which carry the UTC instants.
internal static class BookingCalendarFile
{
    /// The title and the resource, as the feed and the invitations name a booking.
    public static string Summary(string title, string resource) => title.Length > 0 && title != resource ? $"{title} · {resource}" : resource;

    public static string Write(BookingDetail detail) => ICalendar.Write(detail.Resource, [new CalendarEvent(
        detail.Booking.Id, detail.Booking.Start, detail.Booking.End, detail.Summary, detail.Place, null,
        !detail.Booking.HoldsSlot, detail.Booking.CancelledAt ?? detail.Booking.CreatedAt)]);

    public static string Google(BookingDetail detail, string details) =>
        "https://calendar.google.com/calendar/render?action=TEMPLATE"
        + $"&text={Uri.EscapeDataString(detail.Summary)}"
        + $"&dates={Compact(detail.Booking.Start)}/{Compact(detail.Booking.End)}"
        + $"&details={Uri.EscapeDataString(details)}"
        + $"&location={Uri.EscapeDataString(detail.Place)}";

    public static string Outlook(BookingDetail detail) =>
        "https://outlook.live.com/calendar/0/deeplink/compose?path=%2Fcalendar%2Faction%2Fcompose&rru=addevent"
        + $"&subject={Uri.EscapeDataString(detail.Summary)}"
        + $"&startdt={Iso(detail.Booking.Start)}&enddt={Iso(detail.Booking.End)}"
        + $"&location={Uri.EscapeDataString(detail.Place)}";

    private static string Compact(DateTime utc) => utc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Iso(DateTime utc) => Uri.EscapeDataString(utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));

    public static WebApplication MapBookingCalendarFile(this WebApplication app)
    {
        app.MapGet("/me/bookings/{id:guid}/booking.ics", async (Guid id, AppDb db, Access access, TimeProvider clock, CancellationToken ct) =>
            {
                var detail = await BookingDetail.LoadAsync(id, db, await access.GetAsync(ct), clock, ct);
                return detail is null
                    ? Results.NotFound()
                    : Results.File(System.Text.Encoding.UTF8.GetBytes(Write(detail)), "text/calendar; charset=utf-8", $"booking-{id}.ics");
            })
            .ExcludeFromDescription();
        return app;
    }
}
