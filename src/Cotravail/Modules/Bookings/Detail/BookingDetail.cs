using System.Globalization;
using Cotravail.Common;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Microsoft.EntityFrameworkCore;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Resources;

namespace Cotravail.Modules.Bookings;

/// One booking as its page and its .ics show it: what, where, when (on the location's wall clock), the
/// price excl. and incl. VAT, the cancellation terms and the fee of cancelling now, attendees, check-in.
/// Whoever may see it through the API (BookingQueries.VisibleTo) may see it here; others get nothing (404).
internal sealed record BookingDetail(
    Booking Booking, string Resource, string Location, string Street, string PostalCode, string City, TimeZoneInfo Zone,
    CancellationResponse Cancellation, IReadOnlyList<AttendeeResponse> Attendees, DateTime Now)
{
    public DateTime LocalStart => WallClock.ToLocal(DateTime.SpecifyKind(Booking.Start, DateTimeKind.Utc), Zone);

    public DateTime LocalEnd => WallClock.ToLocal(DateTime.SpecifyKind(Booking.End, DateTimeKind.Utc), Zone);

    public Money PriceExclVat => new(Booking.PriceCents, Booking.Currency);

    public Money PriceInclVat => new(Vat.Gross(Booking.PriceCents, Booking.VatMilliPercent), Booking.Currency);

    /// A late-cancellation fee is billed at the booking's VAT rate (CollectCharges).
    public Money? FeeNowExclVat => Cancellation.FeeNowCents is { } fee ? new(fee, Booking.Currency) : null;

    public Money? FeeNowInclVat => Cancellation.FeeNowCents is { } fee ? new(Vat.Gross(fee, Booking.VatMilliPercent), Booking.Currency) : null;

    public string VatPercent => VatRate.Percent(Booking.VatMilliPercent).ToString("0.###", CultureInfo.CurrentCulture) + " %";

    public string Summary => BookingCalendarFile.Summary(Booking.Title, Resource);

    public string Place => $"{Location}, {Street}, {PostalCode} {City}";

    /// Changing is open until the start (the change form and ChangeBooking say more).
    public bool Changeable => Booking.HoldsSlot && Now < Booking.Start;

    public bool Checkable => Booking.Status == BookingStatus.Confirmed && Booking.CheckedInAt is null
        && Now >= Booking.Start - Booking.CheckInOpens && Now < Booking.End;

    public static async Task<BookingDetail?> LoadAsync(Guid id, AppDb db, AccessScope scope, TimeProvider clock, CancellationToken ct)
    {
        var row = await db.Bookings.VisibleTo(db, scope).Where(b => b.Id == id)
            .Select(b => new
            {
                Booking = b,
                Resource = db.Set<Resource>().Where(r => r.Id == b.ResourceId).Select(r => new { r.Name, r.Policy.FreeCancellationHours, r.Policy.LateCancellationPercent }).First(),
                Location = db.Set<Location>().Where(l => l.Id == b.LocationId).Select(l => new { l.Name, l.Street, l.PostalCode, l.City, l.TimeZone }).First(),
            })
            .AsNoTracking().FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(row.Location.TimeZone);
        var attendees = await Bookings.Attendees.ListAsync(db, [id], ct);
        return new BookingDetail(
            row.Booking, row.Resource.Name, row.Location.Name, row.Location.Street, row.Location.PostalCode, row.Location.City, zone,
            CancellationResponse.Of(row.Booking, row.Resource.FreeCancellationHours, row.Resource.LateCancellationPercent, zone, now),
            attendees.GetValueOrDefault(id) ?? [], now);
    }
}
