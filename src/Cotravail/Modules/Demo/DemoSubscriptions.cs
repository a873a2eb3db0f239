using System.Globalization;
using Cotravail.Common;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Modules.Bookings;
using Cotravail.Modules.Companies;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Members;
using Cotravail.Modules.Offers;
using Cotravail.Modules.Resources;
using Cotravail.Modules.Subscriptions;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Demo;

/// What the demo's members hold, made through the real use cases once the network and its invoices exist:
/// Léa's 10-day bundle (one day already taken by a desk booked through the booking engine) and her yearly
/// membership; Altimètre's team on full-time resident plans that the company pays, one of them gone mid-month.
internal sealed class DemoSubscriptions(AppDb db, Subscribe subscribe, BookResource book, TimeProvider clock)
{
    public async Task SeedAsync(CancellationToken ct)
    {
        var adminId = await db.Users.Where(u => u.Email == DemoAccounts.NetworkAdmin).Select(u => u.Id).FirstAsync(ct);
        var admin = new AccessScope(adminId, true, new HashSet<Guid>(), new HashSet<Guid>(), null, null);
        var paris = await db.Locations.Where(l => l.Slug == DemoAccounts.ParisSlug).Select(l => new { l.Id, l.TimeZone }).FirstAsync(ct);
        var lea = await db.Members.Where(m => m.Email == Member.NormalizeEmail(DemoAccounts.Member)).Select(m => new { m.Id, m.UserId }).FirstAsync(ct);
        var altimetre = await db.Companies.Where(c => c.LegalName == "Altimètre Conseil SAS").Select(c => c.Id).FirstAsync(ct);
        var team = await db.Members.Where(m => m.CompanyId == altimetre && m.IsActive).OrderBy(m => m.LastName).Select(m => m.Id).ToListAsync(ct);
        var offers = await db.Offers.AsNoTracking().Where(o => o.LocationId == paris.Id || o.LocationId == null).Select(o => new { o.Id, o.Kind, o.NameEn, o.LocationId })
            .ToListAsync(ct);
        var today = Subscribe.Today(clock, paris.TimeZone);
        var lastMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var bundle = offers.First(o => o.LocationId == paris.Id && o.Kind == OfferKind.Bundle).Id;
        await StartAsync(new SubscribeInput { OfferId = bundle, MemberId = lea.Id, StartsOn = Day(today.AddDays(-20)), CompanyPays = false }, admin, ct);
        var membership = offers.First(o => o.Kind == OfferKind.MembershipFee).Id;
        await StartAsync(new SubscribeInput { OfferId = membership, MemberId = lea.Id, StartsOn = Day(lastMonth), CompanyPays = false }, admin, ct);

        var resident = offers.First(o => o.LocationId == paris.Id && o.Kind == OfferKind.MonthlyPlan && o.NameEn == "Full-time resident").Id;
        foreach (var (member, i) in team.Select((m, i) => (m, i)))
        {
            var plan = await StartAsync(new SubscribeInput { OfferId = resident, MemberId = member, StartsOn = Day(lastMonth), CompanyPays = true }, admin, ct);
            if (i == team.Count - 1)
            {
                // the teleworker who left on the 15th of last month (the credit note of DemoBilling)
                plan.EndOn(lastMonth.AddDays(14), clock.GetUtcNow().UtcDateTime);
                await db.SaveChangesAsync(ct);
            }
        }
        db.ChangeTracker.Clear();

        // Léa books a desk on the next open weekday: the booking engine takes a day of her bundle. A day the space
        // is closed (a public holiday) is passed over; the demo goes on without it rather than fail to start.
        var desk = await db.Resources.Where(r => r.LocationId == paris.Id && r.Kind == ResourceKind.HotDeskZone && r.IsActive).Select(r => r.Id).FirstAsync(ct);
        var leaScope = new AccessScope(lea.UserId, false, new HashSet<Guid>(), new HashSet<Guid>(), lea.Id, null);
        for (var day = today.AddDays(1); day <= today.AddDays(14); day = day.AddDays(1))
        {
            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }
            var booked = await book.HandleAsync(
                new BookResource.Request { ResourceId = desk, Start = $"{Day(day)}T09:00", End = $"{Day(day)}T18:00", Title = "Journée open space" }, leaScope, ct);
            db.ChangeTracker.Clear();
            if (booked.IsOk)
            {
                break;
            }
        }
        await RequestAsync(paris.Id, paris.TimeZone, team[0], adminId, today.AddDays(1), ct);
    }

    /// A request waiting for a manager's approval tomorrow (the large room, booked by the front desk for a
    /// member of Altimètre), so the dashboard's inbox has something to decide from the start.
    private async Task RequestAsync(Guid location, string timeZone, Guid member, Guid bookedBy, DateOnly day, CancellationToken ct)
    {
        var room = await db.Resources.Where(r => r.LocationId == location && r.Name == "Salle Coupole").Select(r => new { r.Id, r.Kind }).FirstOrDefaultAsync(ct);
        if (room is null)
        {
            return;
        }
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        var slot = new TimeSlot(
            TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(14, 0)), zone),
            TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(16, 0)), zone));
        db.Add(new Booking(room.Id, room.Kind, location, slot, slot, bookedBy, member, "Comité de pilotage", pending: true, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private async Task<Subscription> StartAsync(SubscribeInput input, AccessScope admin, CancellationToken ct)
    {
        var started = await subscribe.HandleAsync(input, admin, ct);
        return started.IsOk ? started.Value : throw new InvalidOperationException($"Demo subscription refused: {started.Error}");
    }
}
