using System.Globalization;
using Cotravail.Common;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Modules.Bookings;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Members;
using Cotravail.Modules.Resources;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Demo;

/// A lived-in week for the demo's timelines and dashboard: the rooms, offices and desks of Paris and Lyon
/// booked by their members from today to four days ahead, on a fixed pattern. Today's bookings already begun
/// are written as they would stand (most checked in); later ones go through the booking engine, priced and
/// notified as any other. Cotravail:DemoActivity (on by default) turns it off: the tests keep an empty calendar.
internal sealed class DemoActivity(AppDb db, BookResource book, TimeProvider clock, IConfiguration configuration)
{
    private static readonly (double Start, double Hours)[][] Patterns =
    [
        [(9, 2), (11.5, 1), (14, 3)],
        [(8.5, 1.5), (10, 2), (15, 1), (16.5, 1.5)],
        [(10, 3), (14.5, 2)],
        [(9, 1), (13, 1.5), (16, 2)],
    ];

    private static readonly string[] Titles = ["Point client", "Atelier", "Réunion d'équipe", "Entretien", "Formation", "Visio partenaires"];

    public async Task SeedAsync(CancellationToken ct)
    {
        if (!configuration.GetValue("Cotravail:DemoActivity", true))
        {
            return;
        }
        var adminId = await db.Users.Where(u => u.Email == DemoAccounts.NetworkAdmin).Select(u => u.Id).FirstAsync(ct);
        var admin = new AccessScope(adminId, true, new HashSet<Guid>(), new HashSet<Guid>(), null, null);
        var lea = await db.Members.Where(m => m.Email == Member.NormalizeEmail(DemoAccounts.Member)).Select(m => m.Id).FirstAsync(ct);
        foreach (var slug in new[] { DemoAccounts.ParisSlug, DemoAccounts.LyonSlug })
        {
            var location = await db.Locations.AsNoTracking().FirstAsync(l => l.Slug == slug, ct);
            var members = await db.Members.AsNoTracking().Where(m => m.HomeLocationId == location.Id && m.IsActive && m.Id != lea)
                .OrderBy(m => m.LastName).Select(m => m.Id).ToListAsync(ct);
            var resources = await db.Resources.AsNoTracking().Where(r => r.LocationId == location.Id && r.IsActive
                    && r.Kind != ResourceKind.DedicatedDesk && r.Kind != ResourceKind.PrivateOffice)
                .OrderBy(r => r.Name).ToListAsync(ct);
            if (members.Count == 0)
            {
                continue;
            }
            await SeedLocationAsync(location, members, resources, admin, ct);
        }
    }

    private async Task SeedLocationAsync(Location location, List<Guid> members, List<Resource> resources, AccessScope admin, CancellationToken ct)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(location.TimeZone);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(WallClock.ToLocal(now, zone));
        var n = 0;
        for (var offset = 0; offset <= 4; offset++)
        {
            var day = today.AddDays(offset);
            if (!location.OpeningHours.Any(p => p.Day == day.DayOfWeek) || location.ClosedDays.Any(c => c.Date == day))
            {
                continue;
            }
            foreach (var (resource, index) in resources.Select((r, i) => (r, i)))
            {
                var slots = resource.Kind == ResourceKind.HotDeskZone
                    ? Enumerable.Repeat((Start: 9.0, Hours: 9.0), Math.Min(resource.Capacity - 1, 6 + ((index + offset) % 4)))
                    : Patterns[(index + offset) % Patterns.Length];
                foreach (var ((start, hours), seat) in slots.Select((s, k) => (s, k + 1)))
                {
                    var from = day.ToDateTime(TimeOnly.MinValue).AddHours(start);
                    var member = members[n++ % members.Count];
                    var title = resource.Kind == ResourceKind.HotDeskZone ? "" : Titles[n % Titles.Length];
                    var utcStart = TimeZoneInfo.ConvertTimeToUtc(from, zone);
                    if (utcStart <= now)
                    {
                        Write(resource, location.Id, new TimeSlot(utcStart, TimeZoneInfo.ConvertTimeToUtc(from.AddHours(hours), zone)), admin, member, title, seat, n);
                        continue;
                    }
                    await book.HandleAsync(new BookResource.Request
                    {
                        ResourceId = resource.Id,
                        Start = from.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
                        End = from.AddHours(hours).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
                        Title = title,
                        MemberId = member,
                    }, admin, ct);
                    db.ChangeTracker.Clear();
                }
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
    }

    /// A booking of today already begun or over: written as it stands, checked in but for one in five (a no-show,
    /// which the sweep releases); no price, since the demo's invoices are made elsewhere.
    private void Write(Resource resource, Guid location, TimeSlot slot, AccessScope admin, Guid member, string title, int seat, int n)
    {
        var booking = new Booking(resource.Id, resource.Kind, location, slot, slot.Widen(resource.Policy.Setup, resource.Policy.Cleanup),
            admin.UserId!.Value, member, title, pending: false, slot.Start.AddDays(-2));
        booking.AssignSeat(seat);
        if (n % 5 != 0)
        {
            booking.CheckIn(slot.Start.AddMinutes(n % 10));
        }
        db.Add(booking);
    }
}
