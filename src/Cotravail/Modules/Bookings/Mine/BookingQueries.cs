using Cotravail.Common;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Microsoft.EntityFrameworkCore;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Members;
using Cotravail.Modules.Resources;

namespace Cotravail.Modules.Bookings;

/// Reading bookings: members see their own, company admins their company's, staff their locations'.
internal static class BookingQueries
{
    /// From: only bookings ending after this UTC instant (default now), so "my bookings" lists what is to come.
    internal sealed record Query(Guid? LocationId, Guid? ResourceId, DateTime? From, DateTime? To, int? Page, int? PageSize);

    public static IQueryable<Booking> VisibleTo(this IQueryable<Booking> bookings, AppDb db, AccessScope scope)
    {
        if (scope.IsNetworkAdmin)
        {
            return bookings;
        }
        var locations = scope.StaffLocations;
        var self = scope.MemberId;
        var user = scope.UserId;
        var company = scope.CompanyAdminOf;
        return bookings.Where(b => locations.Contains(b.LocationId) || b.BookedByUserId == user || (self != null && b.MemberId == self)
            || (company != null && db.Set<Member>().Any(m => m.Id == b.MemberId && m.CompanyId == company)));
    }

    public static async Task<Page<BookingResponse>> ListAsync(Query query, AppDb db, AccessScope scope, TimeProvider clock, CancellationToken ct)
    {
        var from = DateTime.SpecifyKind(query.From ?? clock.GetUtcNow().UtcDateTime, DateTimeKind.Utc);
        var bookings = db.Bookings.VisibleTo(db, scope).Where(b => b.End > from);
        if (query.To is { } to)
        {
            bookings = bookings.Where(b => b.Start < DateTime.SpecifyKind(to, DateTimeKind.Utc));
        }
        if (query.LocationId is { } location)
        {
            bookings = bookings.Where(b => b.LocationId == location);
        }
        if (query.ResourceId is { } resource)
        {
            bookings = bookings.Where(b => b.ResourceId == resource);
        }
        var rows = await bookings.OrderBy(b => b.Start).ThenBy(b => b.Id)
            .Select(b => new
            {
                Booking = b,
                Resource = db.Set<Resource>().Where(r => r.Id == b.ResourceId).Select(r => r.Name).First(),
                Zone = db.Set<Location>().Where(l => l.Id == b.LocationId).Select(l => l.TimeZone).First(),
            })
            .AsNoTracking().ToPageAsync(PageRequest.Of(query.Page, query.PageSize), ct);
        var attendees = await Attendees.ListAsync(db, [.. rows.Items.Select(r => r.Booking.Id)], ct);
        return new Page<BookingResponse>([.. rows.Items.Select(r => ToResponse(r.Booking, r.Resource, r.Zone, attendees.GetValueOrDefault(r.Booking.Id)))], rows.PageNumber, rows.PageSize, rows.TotalCount);
    }

    /// One booking with its cancellation terms and the fee of cancelling it now.
    public static async Task<Result<BookingResponse>> GetAsync(Guid id, AppDb db, AccessScope scope, TimeProvider clock, CancellationToken ct)
    {
        var row = await db.Bookings.VisibleTo(db, scope).Where(b => b.Id == id)
            .Select(b => new
            {
                Booking = b,
                Resource = db.Set<Resource>().Where(r => r.Id == b.ResourceId).Select(r => r.Name).First(),
                Zone = db.Set<Location>().Where(l => l.Id == b.LocationId).Select(l => l.TimeZone).First(),
                FreeHours = db.Set<Resource>().Where(r => r.Id == b.ResourceId).Select(r => r.Policy.FreeCancellationHours).First(),
                LatePercent = db.Set<Resource>().Where(r => r.Id == b.ResourceId).Select(r => r.Policy.LateCancellationPercent).First(),
            })
            .AsNoTracking().FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return new NotFound("Booking");
        }
        var attendees = await Attendees.ListAsync(db, [id], ct);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(row.Zone);
        return ToResponse(row.Booking, row.Resource, row.Zone, attendees.GetValueOrDefault(id) ?? []) with
        {
            Cancellation = CancellationResponse.Of(row.Booking, row.FreeHours, row.LatePercent, zone, clock.GetUtcNow().UtcDateTime),
        };
    }

    public static BookingResponse ToResponse(Booking b, string resourceName, string timeZone, IReadOnlyList<AttendeeResponse>? attendees = null)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var (start, end) = (DateTime.SpecifyKind(b.Start, DateTimeKind.Utc), DateTime.SpecifyKind(b.End, DateTimeKind.Utc));
        return new BookingResponse(
            b.Id, b.ResourceId, resourceName, b.LocationId, b.Seat, start, end,
            WallClock.ToLocal(start, zone), WallClock.ToLocal(end, zone), timeZone, b.Status, b.MemberId, b.Title,
            b.PriceCents / 100m, b.Currency, Locations.VatRate.Percent(b.VatMilliPercent), b.CancellationFeeCents / 100m, attendees ?? []);
    }
}
