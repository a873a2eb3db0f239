using System.Globalization;
using Cotravail.Common.Database;
using Cotravail.Modules.Offers;
using Cotravail.Modules.Subscriptions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Billing;

/// What a subscription owes for a month (ADR 21): a pass or a bundle its price once, in the month it starts;
/// a monthly plan its share of the month (ChargeRules: the days it runs, less the days paused, over the days
/// of the month); an annual plan and the membership their yearly price in the month each paid year starts.
/// The payer is the company when it pays; a company's invoice then names the member on the line.
internal static class SubscriptionCharges
{
    public static async Task<List<Charge>> OfPeriodAsync(AppDb db, IStringLocalizer l, Guid locationId, BillingPeriod period, DateTime now, CancellationToken ct)
    {
        var (first, last) = (period.First, period.Next.AddDays(-1));
        var subscriptions = await db.Subscriptions.AsNoTracking()
            .Where(s => s.LocationId == locationId && s.PriceCents > 0 && s.StartsOn <= last && (s.EndsOn == null || s.EndsOn >= first))
            .ToListAsync(ct);
        if (subscriptions.Count == 0)
        {
            return [];
        }
        var offerIds = subscriptions.Select(s => s.OfferId).Distinct().ToList();
        var names = await db.Offers.AsNoTracking().Where(o => offerIds.Contains(o.Id)).Select(o => new { o.Id, o.NameFr, o.NameEn }).ToDictionaryAsync(o => o.Id, ct);
        return [.. subscriptions.Select(s => For(s, names[s.OfferId].NameFr.Length > 0 ? names[s.OfferId].NameFr : names[s.OfferId].NameEn, period, l, now))
            .OfType<Charge>()];
    }

    /// The charge of one subscription for one month, or null when it owes nothing that month.
    public static Charge? For(Subscription s, string offerName, BillingPeriod period, IStringLocalizer l, DateTime now)
    {
        var (monthFirst, monthLast) = (period.First, period.Next.AddDays(-1));
        DateOnly from, to;
        long cents;
        string detail = "";
        if (s.IsPass)
        {
            if (s.StartsOn < monthFirst || s.StartsOn > monthLast)
            {
                return null;
            }
            (from, to, cents) = (s.StartsOn, s.EndsOn ?? s.StartsOn, s.PriceCents);
        }
        else if (s.Kind == OfferKind.MonthlyPlan)
        {
            from = s.StartsOn > monthFirst ? s.StartsOn : monthFirst;
            to = s.EndsOn is { } end && end < monthLast ? end : monthLast;
            var days = 0;
            for (var day = from; day <= to; day = day.AddDays(1))
            {
                days += s.PausedOn(day) ? 0 : 1;
            }
            cents = ChargeRules.MonthlyShare(s.PriceCents, days, period.Days);
            if (days < period.Days)
            {
                detail = $" ({l[ChargeMessages.DaysOfMonth, days, period.Days]})";
            }
        }
        else
        {
            // a paid year starts in this month: the anniversary of the start falling in it
            var anniversary = s.StartsOn.AddYears(period.Year - s.StartsOn.Year);
            if (anniversary < monthFirst || anniversary > monthLast || anniversary < s.StartsOn || (s.EndsOn is { } end && anniversary > end))
            {
                return null;
            }
            (from, to, cents) = (anniversary, anniversary.AddYears(1).AddDays(-1), s.PriceCents);
        }
        if (cents <= 0)
        {
            return null;
        }
        var description = $"{offerName} · {from.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)} – {to.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}{detail}";
        return new Charge(s.LocationId, s.MemberId, s.PayerCompanyId, ChargeSource.Subscription, s.Id, period.ToString(), description, 1, cents,
            s.VatMilliPercent, s.Currency, from, to, now);
    }
}
