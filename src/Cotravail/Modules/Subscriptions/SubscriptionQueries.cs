using System.Globalization;
using Cotravail.Common;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Modules.Companies;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Members;
using Cotravail.Modules.Offers;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Subscriptions;

/// A balance as shown: what is granted for the period holding today, what is used, what is left.
internal sealed record BalanceResponse(AllowanceUnit Unit, DateOnly PeriodStart, DateOnly PeriodEnd, int Granted, int Used, int Left);

internal sealed record PauseResponse(DateOnly From, DateOnly To);

/// A subscription as the API and pages show it; prices in the currency's major unit, excluding and including VAT.
/// EarliestEnd: the first last day its holder may choose when cancelling today (null for passes).
internal sealed record SubscriptionResponse(
    Guid Id, Guid MemberId, string MemberName, Guid OfferId, string OfferName, OfferKind Kind, Guid LocationId, string LocationName,
    Guid? PayerCompanyId, string? PayerCompanyName, string Currency, decimal VatPercent, decimal PriceExcludingVat, decimal PriceIncludingVat,
    DateOnly StartsOn, DateOnly? EndsOn, int NoticeDays, DateOnly? EarliestEnd, SubscriptionState State, DateTime? CancelledAt, Guid? ReplacedById,
    IReadOnlyList<PauseResponse> Pauses, IReadOnlyList<BalanceResponse> Balances, DateTime CreatedAt);

/// Reading subscriptions: staff their locations', a member their own, a company admin those of the company's members.
internal static class SubscriptionQueries
{
    /// State: computed on the location's today. Q: text in the member's name.
    internal sealed record Query(Guid? LocationId, Guid? MemberId, Guid? CompanyId, SubscriptionState? State, OfferKind? Kind, string? Q, int? Page, int? PageSize);

    public static IQueryable<Subscription> VisibleTo(this IQueryable<Subscription> subscriptions, AppDb db, AccessScope scope)
    {
        if (scope.IsNetworkAdmin)
        {
            return subscriptions;
        }
        var (locations, self, company) = (scope.StaffLocations, scope.MemberId, scope.CompanyAdminOf);
        return subscriptions.Where(s => locations.Contains(s.LocationId) || s.MemberId == self
            || (company != null && (s.PayerCompanyId == company || db.Set<Member>().Any(m => m.Id == s.MemberId && m.CompanyId == company))));
    }

    public static async Task<Page<SubscriptionResponse>> ListAsync(Query query, AppDb db, AccessScope scope, TimeProvider clock, CancellationToken ct)
    {
        var rows = db.Subscriptions.VisibleTo(db, scope);
        if (query.LocationId is { } location)
        {
            rows = rows.Where(s => s.LocationId == location);
        }
        if (query.MemberId is { } member)
        {
            rows = rows.Where(s => s.MemberId == member);
        }
        if (query.CompanyId is { } company)
        {
            rows = rows.Where(s => s.PayerCompanyId == company || db.Set<Member>().Any(m => m.Id == s.MemberId && m.CompanyId == company));
        }
        if (query.Kind is { } kind)
        {
            rows = rows.Where(s => s.Kind == kind);
        }
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var term = query.Q.Trim().ToLower();
            rows = rows.Where(s => db.Set<Member>().Any(m => m.Id == s.MemberId && (m.FirstName + " " + m.LastName).ToLower().Contains(term)));
        }
        if (query.State is { } state)
        {
            // dates against the UTC day, then the exact state on each location's day in memory below
            var day = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            rows = state switch
            {
                SubscriptionState.Upcoming => rows.Where(s => s.StartsOn >= day.AddDays(-1)),
                SubscriptionState.Ended => rows.Where(s => s.EndsOn != null && s.EndsOn <= day.AddDays(1)),
                _ => rows.Where(s => s.StartsOn <= day.AddDays(1) && (s.EndsOn == null || s.EndsOn >= day.AddDays(-1))),
            };
        }
        var ordered = rows.AsNoTracking().OrderByDescending(s => s.StartsOn).ThenByDescending(s => s.Id);
        var page = await ordered.ToPageAsync(PageRequest.Of(query.Page, query.PageSize), ct);
        var responses = await ResponsesAsync(db, page.Items, clock, ct);
        if (query.State is { } wanted)
        {
            responses = [.. responses.Where(r => r.State == wanted)];
        }
        return new Page<SubscriptionResponse>(responses, page.PageNumber, page.PageSize, page.TotalCount);
    }

    public static async Task<Result<SubscriptionResponse>> GetAsync(Guid id, AppDb db, AccessScope scope, TimeProvider clock, CancellationToken ct)
    {
        var s = await db.Subscriptions.VisibleTo(db, scope).AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return s is null ? new NotFound("Subscription") : (await ResponsesAsync(db, [s], clock, ct))[0];
    }

    public static async Task<List<SubscriptionResponse>> ResponsesAsync(AppDb db, IReadOnlyList<Subscription> items, TimeProvider clock, CancellationToken ct)
    {
        if (items.Count == 0)
        {
            return [];
        }
        var offerIds = items.Select(s => s.OfferId).Distinct().ToList();
        var offers = await db.Offers.AsNoTracking().AsSplitQuery().Where(o => offerIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var memberIds = items.Select(s => s.MemberId).Distinct().ToList();
        var members = await db.Members.AsNoTracking().Where(m => memberIds.Contains(m.Id)).Select(m => new { m.Id, m.FirstName, m.LastName })
            .ToDictionaryAsync(m => m.Id, m => $"{m.FirstName} {m.LastName}", ct);
        var locationIds = items.Select(s => s.LocationId).Distinct().ToList();
        var locations = await db.Locations.AsNoTracking().Where(l => locationIds.Contains(l.Id)).Select(l => new { l.Id, l.Name, l.TimeZone }).ToDictionaryAsync(l => l.Id, ct);
        var companyIds = items.Where(s => s.PayerCompanyId is not null).Select(s => s.PayerCompanyId!.Value).Distinct().ToList();
        var companies = await db.Companies.AsNoTracking().Where(c => companyIds.Contains(c.Id)).Select(c => new { c.Id, c.LegalName }).ToDictionaryAsync(c => c.Id, c => c.LegalName, ct);
        var ids = items.Select(s => s.Id).ToList();
        var rows = await db.Allowances.AsNoTracking().Where(a => ids.Contains(a.SubscriptionId)).ToListAsync(ct);
        return [.. items.Select(s =>
        {
            var today = Subscribe.Today(clock, locations[s.LocationId].TimeZone);
            var offer = offers[s.OfferId];
            return new SubscriptionResponse(
                s.Id, s.MemberId, members.GetValueOrDefault(s.MemberId, ""), s.OfferId, offer.Name(CultureInfo.CurrentCulture), s.Kind, s.LocationId, locations[s.LocationId].Name,
                s.PayerCompanyId, s.PayerCompanyId is { } c ? companies.GetValueOrDefault(c) : null, s.Currency, VatRate.Percent(s.VatMilliPercent),
                OfferResponse.Units(s.PriceCents), OfferResponse.Units(Vat.Gross(s.PriceCents, s.VatMilliPercent)),
                s.StartsOn, s.EndsOn, s.NoticeDays, s.IsPass || s.StateOn(today) == SubscriptionState.Ended ? null : Lifecycle.EarliestEnd(s, today, staff: false),
                s.StateOn(today), s.CancelledAt, s.ReplacedById,
                [.. s.Pauses.OrderBy(p => p.From).Select(p => new PauseResponse(p.From, p.To))],
                Balances(s, offer, today, rows.Where(a => a.SubscriptionId == s.Id).ToList()), s.CreatedAt);
        })];
    }

    /// The balances that hold today (or the first day, before it starts): a pass's days and credits over its
    /// validity, a part-time plan's days this week, a plan's credits this month. A period not used yet has no
    /// row: it shows what it will grant.
    public static List<BalanceResponse> Balances(Subscription s, Offer offer, DateOnly today, List<Allowance> rows)
    {
        var day = today < s.StartsOn ? s.StartsOn : s.EndsOn is { } end && today > end ? end : today;
        var wanted = new List<(AllowanceUnit Unit, DateOnly First, DateOnly Last, int Granted)>();
        var hours = offer.Credits.Where(c => c.Kind == CreditKind.MeetingRoomHours).Sum(c => c.Amount);
        var pages = offer.Credits.Where(c => c.Kind == CreditKind.PrintPages).Sum(c => c.Amount);
        if (s.IsPass)
        {
            wanted.Add((AllowanceUnit.Days, s.StartsOn, s.EndsOn!.Value, BookingCover.Days(s, offer)));
            Credits(s.StartsOn, s.EndsOn!.Value);
        }
        else if (s.IsPlan)
        {
            if (offer.DaysPerWeek is { } perWeek)
            {
                var (first, last, granted) = BookingCover.Week(day, perWeek);
                wanted.Add((AllowanceUnit.Days, first, last, granted));
            }
            var (monthFirst, monthLast) = BookingCover.Month(day, s);
            Credits(monthFirst, monthLast);
        }
        return [.. wanted.Select(w => rows.FirstOrDefault(a => a.Unit == w.Unit && a.PeriodStart == w.First) is { } a
            ? new BalanceResponse(a.Unit, a.PeriodStart, a.PeriodEnd, a.Granted, a.Used, a.Left)
            : new BalanceResponse(w.Unit, w.First, w.Last, w.Granted, 0, w.Granted))];

        void Credits(DateOnly first, DateOnly last)
        {
            if (hours > 0)
            {
                wanted.Add((AllowanceUnit.Minutes, first, last, hours * 60));
            }
            if (pages > 0)
            {
                wanted.Add((AllowanceUnit.PrintPages, first, last, pages));
            }
        }
    }
}
