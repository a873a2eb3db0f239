using Cotravail.Common;
using Cotravail.Common.Audit;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Offers;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Subscriptions;

/// What happens to a running subscription: cancellation with notice, a pause, a change of plan (ADR 21).
/// Its holder cancels; staff of its location do all three. A change ends the plan the day before the new
/// one starts, so each is billed for its own days of the month.
internal sealed class Lifecycle(AppDb db, Subscribe subscribe, AuditTrail audit, TimeProvider clock)
{
    /// Ends a plan or the membership on EndsOn (default: the earliest allowed). A member gives the notice
    /// (a yearly subscription ends at the end of a paid year); staff may end it from today on.
    public async Task<Result<Subscription>> CancelAsync(Guid id, CancelInput input, AccessScope scope, CancellationToken ct)
    {
        var found = await FindAsync(id, scope, ct);
        if (!found.IsOk)
        {
            return found.Error;
        }
        var (s, today, staff) = found.Value;
        if (s.IsPass)
        {
            return new Conflict(nameof(CancelInput.EndsOn), SubscriptionMessages.PassesRunOut);
        }
        if (s.EndsOn is { } ended && ended < today)
        {
            return new Conflict(nameof(CancelInput.EndsOn), SubscriptionMessages.AlreadyEnded);
        }
        if (!DateText.TryParseOptional(input.EndsOn, out var asked))
        {
            return new Invalid(nameof(CancelInput.EndsOn), SubscriptionMessages.NotADate);
        }
        var earliest = EarliestEnd(s, today, staff);
        var last = asked ?? earliest;
        if (last < s.StartsOn)
        {
            return new Invalid(nameof(CancelInput.EndsOn), SubscriptionMessages.EndBeforeStart);
        }
        if (last < earliest)
        {
            return new Invalid(nameof(CancelInput.EndsOn), s.Kind == OfferKind.MonthlyPlan ? SubscriptionMessages.EndBeforeNotice : SubscriptionMessages.AnnualEndsWithTerm);
        }
        if (!staff && s.Kind != OfferKind.MonthlyPlan && s.YearTermOf(last).Last != last)
        {
            return new Invalid(nameof(CancelInput.EndsOn), SubscriptionMessages.AnnualEndsWithTerm);
        }
        s.EndOn(last, clock.GetUtcNow().UtcDateTime);
        audit.Record(AuditActions.SubscriptionCancelled, "subscription", s.Id, s.LocationId, last.ToString("yyyy-MM-dd"));
        await db.SaveChangesAsync(ct);
        return s;
    }

    /// The first day a cancellation asked today may end on: staff today; a member's monthly plan after the
    /// notice; a member's yearly subscription the last day of the year paid for once the notice has run.
    public static DateOnly EarliestEnd(Subscription s, DateOnly today, bool staff)
    {
        var from = today < s.StartsOn ? s.StartsOn : today;
        if (staff)
        {
            return from;
        }
        var noticed = from.AddDays(s.NoticeDays);
        return s.Kind == OfferKind.MonthlyPlan ? noticed : s.YearTermOf(noticed < s.StartsOn ? s.StartsOn : noticed).Last;
    }

    /// Staff pause a monthly plan for up to three months, from today on, within its dates, apart from other pauses.
    public async Task<Result<Subscription>> PauseAsync(Guid id, PauseInput input, AccessScope scope, CancellationToken ct)
    {
        var found = await FindAsync(id, scope, ct, staffOnly: true);
        if (!found.IsOk)
        {
            return found.Error;
        }
        var (s, today, _) = found.Value;
        if (s.Kind != OfferKind.MonthlyPlan)
        {
            return new Conflict(nameof(PauseInput.From), SubscriptionMessages.OnlyMonthlyPause);
        }
        if (!DateText.TryParse(input.From, out var from))
        {
            return new Invalid(nameof(PauseInput.From), SubscriptionMessages.NotADate);
        }
        if (!DateText.TryParse(input.To, out var to))
        {
            return new Invalid(nameof(PauseInput.To), SubscriptionMessages.NotADate);
        }
        if (to < from)
        {
            return new Invalid(nameof(PauseInput.To), SubscriptionMessages.PauseOrder);
        }
        if (from < today)
        {
            return new Invalid(nameof(PauseInput.From), SubscriptionMessages.PauseInPast);
        }
        if (to > from.AddMonths(3))
        {
            return new Invalid(nameof(PauseInput.To), SubscriptionMessages.PauseTooLong);
        }
        if (from < s.StartsOn || (s.EndsOn is { } end && to > end))
        {
            return new Invalid(nameof(PauseInput.From), SubscriptionMessages.PauseOutside);
        }
        if (s.Pauses.Any(p => p.From <= to && from <= p.To))
        {
            return new Invalid(nameof(PauseInput.From), SubscriptionMessages.PauseOverlap);
        }
        s.Pause(from, to);
        audit.Record(AuditActions.SubscriptionPaused, "subscription", s.Id, s.LocationId, $"{from:yyyy-MM-dd}/{to:yyyy-MM-dd}");
        await db.SaveChangesAsync(ct);
        return s;
    }

    /// Staff move a plan to another plan from a day (default: today): a monthly plan any day from today, a
    /// yearly one the day after a paid year ends. The new plan keeps the holder and the payer.
    public async Task<Result<Subscription>> ChangeAsync(Guid id, ChangePlanInput input, AccessScope scope, CancellationToken ct)
    {
        var found = await FindAsync(id, scope, ct, staffOnly: true);
        if (!found.IsOk)
        {
            return found.Error;
        }
        var (s, today, _) = found.Value;
        if (!s.IsPlan)
        {
            return new Conflict(nameof(ChangePlanInput.OfferId), SubscriptionMessages.ChangeFromPlan);
        }
        if (s.EndsOn is { } ended && ended < today)
        {
            return new Conflict(nameof(ChangePlanInput.OfferId), SubscriptionMessages.AlreadyEnded);
        }
        if (!DateText.TryParseOptional(input.From, out var asked))
        {
            return new Invalid(nameof(ChangePlanInput.From), SubscriptionMessages.NotADate);
        }
        var from = asked ?? (today < s.StartsOn ? s.StartsOn : today);
        if (from < today || from <= s.StartsOn && today > s.StartsOn)
        {
            return new Invalid(nameof(ChangePlanInput.From), SubscriptionMessages.ChangeInPast);
        }
        if (s.Kind == OfferKind.AnnualPlan && from != s.StartsOn && s.YearTermOf(from).First != from)
        {
            return new Invalid(nameof(ChangePlanInput.From), SubscriptionMessages.ChangeAnnualAtTerm);
        }
        var kind = await db.Offers.Where(o => o.Id == input.OfferId).Select(o => (OfferKind?)o.Kind).FirstOrDefaultAsync(ct);
        if (kind is { } k && !Subscription.IsPlanKind(k))
        {
            return new Invalid(nameof(ChangePlanInput.OfferId), SubscriptionMessages.ChangeToPlan);
        }
        var next = await subscribe.PrepareAsync(new SubscribeInput
        {
            OfferId = input.OfferId, MemberId = s.MemberId, StartsOn = from.ToString("yyyy-MM-dd"), CompanyPays = s.PayerCompanyId is not null,
        }, scope, ct);
        if (!next.IsOk)
        {
            return next.Error;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        subscribe.Add(next.Value);
        await db.SaveChangesAsync(ct);
        if (from == s.StartsOn)
        {
            // not started yet: the old plan never runs; it is ended on its first day and replaced from it
            s.EndOn(s.StartsOn, clock.GetUtcNow().UtcDateTime, next.Value.Id);
        }
        else
        {
            s.EndOn(from.AddDays(-1), clock.GetUtcNow().UtcDateTime, next.Value.Id);
        }
        audit.Record(AuditActions.SubscriptionChanged, "subscription", s.Id, s.LocationId, next.Value.Id.ToString());
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return next.Value;
    }

    /// The subscription if the caller may act on it: its holder (unless staffOnly) or staff managing its location.
    private async Task<Result<(Subscription S, DateOnly Today, bool Staff)>> FindAsync(Guid id, AccessScope scope, CancellationToken ct, bool staffOnly = false)
    {
        var s = await db.Subscriptions.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (s is null || !(scope.CanSee(s.LocationId) || s.MemberId == scope.MemberId))
        {
            return new NotFound("Subscription");
        }
        var staff = scope.CanManage(s.LocationId);
        if (!staff && (staffOnly || s.MemberId != scope.MemberId))
        {
            return new Forbidden();
        }
        var zone = await db.Locations.Where(l => l.Id == s.LocationId).Select(l => l.TimeZone).FirstAsync(ct);
        return (s, Subscribe.Today(clock, zone), staff);
    }
}
