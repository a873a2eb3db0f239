using System.Globalization;
using Cotravail.Common.Database;
using Cotravail.Common.Localization;
using Cotravail.Modules.Assignments;
using Cotravail.Modules.Bookings;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Members;
using Cotravail.Modules.Resources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Billing;

/// Turns what a period owes into charges, location by location in its own time zone: confirmed (or
/// checked-in) priced bookings of a member starting in the month, late-cancellation fees of bookings
/// cancelled in the month, each assignment's share of the month (ChargeRules), and what subscriptions owe for it
/// (SubscriptionCharges). Safe to run again:
/// what is charged already is skipped, and the unique index refuses a charge raced in by another run.
internal sealed class CollectCharges(AppDb db, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public async Task<int> HandleAsync(BillingPeriod period, CancellationToken ct)
    {
        var sourcePeriod = period.ToString();
        var now = clock.GetUtcNow().UtcDateTime;
        var locations = await db.Locations.AsNoTracking().Select(x => new { x.Id, x.TimeZone }).ToListAsync(ct);
        var existing = (await db.Charges.AsNoTracking().Where(c => c.SourcePeriod == sourcePeriod && c.SourceId != null)
            .Select(c => new { c.Source, c.SourceId }).ToListAsync(ct)).Select(c => (c.Source, c.SourceId!.Value)).ToHashSet();
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr"); // the invoices' default language
        var found = new List<Charge>();
        try
        {
            foreach (var location in locations)
            {
                var zone = TimeZoneInfo.FindSystemTimeZoneById(location.TimeZone);
                var (fromUtc, toUtc) = (LocalDates.StartUtc(period.First, zone), LocalDates.StartUtc(period.Next, zone));
                found.AddRange(await BookingsAsync(location.Id, zone, fromUtc, toUtc, sourcePeriod, now, ct));
                found.AddRange(await AssignmentsAsync(location.Id, period, now, ct));
                found.AddRange(await SubscriptionCharges.OfPeriodAsync(db, l, location.Id, period, now, ct));
            }
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
        var fresh = found.Where(c => !existing.Contains((c.Source, c.SourceId!.Value))).ToList();
        return await InsertAsync(fresh, ct);
    }

    private async Task<List<Charge>> BookingsAsync(Guid locationId, TimeZoneInfo zone, DateTime fromUtc, DateTime toUtc, string sourcePeriod, DateTime now, CancellationToken ct)
    {
        var rows = await (from b in db.Bookings.AsNoTracking()
                          join r in db.Resources on b.ResourceId equals r.Id
                          join m in db.Members on b.MemberId equals (Guid?)m.Id
                          where b.LocationId == locationId && b.MemberId != null
                              && ((b.Status == BookingStatus.Confirmed && b.PriceCents > 0 && b.Start >= fromUtc && b.Start < toUtc)
                                  || (b.Status == BookingStatus.Cancelled && b.CancellationFeeCents > 0 && b.CancelledAt >= fromUtc && b.CancelledAt < toUtc))
                          select new { b.Id, b.Status, b.Start, b.End, b.PriceCents, b.CancellationFeeCents, b.Currency, b.VatMilliPercent, b.MemberId, Resource = r.Name, m.CompanyId, m.BilledToCompany })
            .ToListAsync(ct);
        return [.. rows.Select(b =>
        {
            var (start, end) = (TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(b.Start, DateTimeKind.Utc), zone), TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(b.End, DateTimeKind.Utc), zone));
            var when = $"{b.Resource} · {start:dd/MM/yyyy HH:mm}–{end:HH:mm}";
            var company = b.BilledToCompany ? b.CompanyId : null;
            return b.Status == BookingStatus.Confirmed
                ? new Charge(locationId, b.MemberId, company, ChargeSource.Booking, b.Id, sourcePeriod, when, 1, b.PriceCents, b.VatMilliPercent, b.Currency,
                    DateOnly.FromDateTime(start), null, now)
                : new Charge(locationId, b.MemberId, company, ChargeSource.LateCancellationFee, b.Id, sourcePeriod, l[ChargeMessages.LateCancellation, when], 1,
                    b.CancellationFeeCents, b.VatMilliPercent, b.Currency, DateOnly.FromDateTime(start), null, now);
        })];
    }

    private async Task<List<Charge>> AssignmentsAsync(Guid locationId, BillingPeriod period, DateTime now, CancellationToken ct)
    {
        var (first, next) = (period.First, period.Next);
        var rows = await (from a in db.ResourceAssignments.AsNoTracking()
                          join r in db.Resources on a.ResourceId equals r.Id
                          join m in db.Members on a.MemberId equals (Guid?)m.Id into members
                          from m in members.DefaultIfEmpty()
                          where a.LocationId == locationId && a.MonthlyPriceCents > 0 && a.From < next && (a.To == null || a.To > first)
                          select new { a.Id, a.From, a.To, a.MonthlyPriceCents, a.Currency, a.VatMilliPercent, a.MemberId, a.CompanyId, Resource = r.Name,
                              MemberCompany = m == null ? null : m.CompanyId, BilledToCompany = m != null && m.BilledToCompany })
            .ToListAsync(ct);
        var charges = new List<Charge>();
        foreach (var a in rows)
        {
            var (days, firstDay, last) = ChargeRules.Covered(period, a.From, a.To);
            var cents = ChargeRules.MonthlyShare(a.MonthlyPriceCents, days, period.Days);
            if (cents <= 0)
            {
                continue;
            }
            var description = $"{a.Resource} · {firstDay:dd/MM/yyyy} – {last:dd/MM/yyyy}" + (days < period.Days ? $" ({l[ChargeMessages.DaysOfMonth, days, period.Days]})" : "");
            var company = a.CompanyId ?? (a.BilledToCompany ? a.MemberCompany : null);
            charges.Add(new Charge(locationId, a.MemberId, company, ChargeSource.Assignment, a.Id, period.ToString(), description, 1, cents, a.VatMilliPercent, a.Currency,
                firstDay, last, now));
        }
        return charges;
    }

    /// Inserts the new charges; one raced in meanwhile (unique index) is skipped, not an error.
    private async Task<int> InsertAsync(List<Charge> charges, CancellationToken ct)
    {
        var inserted = 0;
        foreach (var chunk in charges.Chunk(200))
        {
            db.Charges.AddRange(chunk);
            try
            {
                await db.SaveChangesAsync(ct);
                inserted += chunk.Length;
                continue;
            }
            catch (DbUpdateException e) when (UniqueViolation.Matches(e))
            {
                db.ChangeTracker.Clear();
            }
            foreach (var charge in chunk)
            {
                db.Charges.Add(charge);
                try
                {
                    await db.SaveChangesAsync(ct);
                    inserted++;
                }
                catch (DbUpdateException e) when (UniqueViolation.Matches(e))
                {
                    db.ChangeTracker.Clear();
                }
            }
        }
        db.ChangeTracker.Clear();
        return inserted;
    }
}
