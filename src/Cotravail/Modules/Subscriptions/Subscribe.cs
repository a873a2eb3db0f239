using Cotravail.Common;
using Cotravail.Common.Audit;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Members;
using Cotravail.Modules.Offers;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Subscriptions;

/// Starts a subscription: staff for a member of a location they manage (any start within a year either way),
/// a member for themselves (from today, within a year). The price is the member's (reduced by a valid grant),
/// copied with the VAT rate; the location is the offer's, or the member's home location for a network offer,
/// which must open there. It is billed by the billing run, or at once when the member buys it (Billing.BuyOffer).
internal sealed class Subscribe(AppDb db, AuditTrail audit, TimeProvider clock)
{
    /// Notice a cancellation gives: a month for plans, none for the membership (ADR 21).
    public static int NoticeDaysOf(OfferKind kind) => Subscription.IsPlanKind(kind) ? 30 : 0;

    /// Everything checked, nothing written: the subscription to add, or why not.
    public async Task<Result<Subscription>> PrepareAsync(SubscribeInput input, AccessScope scope, CancellationToken ct)
    {
        var offer = await db.Offers.AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(o => o.Id == input.OfferId, ct);
        if (offer is null || !offer.IsActive)
        {
            return new Invalid(nameof(SubscribeInput.OfferId), SubscriptionMessages.OfferNotSold);
        }
        if (offer.Kind == OfferKind.Product)
        {
            return new Invalid(nameof(SubscribeInput.OfferId), SubscriptionMessages.ProductsAreCharges);
        }
        var memberId = input.MemberId ?? scope.MemberId;
        var member = memberId is null ? null : await db.Members.AsNoTracking().Where(m => m.Id == memberId)
            .Select(m => new { m.Id, m.HomeLocationId, m.CompanyId, m.BilledToCompany }).FirstOrDefaultAsync(ct);
        if (member is null)
        {
            return new Invalid(nameof(SubscribeInput.MemberId), SubscriptionMessages.NotYourMember);
        }
        var self = member.Id == scope.MemberId;
        var locationId = offer.LocationId ?? member.HomeLocationId;
        if (!self && !scope.CanManage(member.HomeLocationId) && !scope.CanManage(locationId))
        {
            return new Forbidden();
        }
        if (!await db.Offers.Where(o => o.Id == offer.Id).ValidAt(locationId).AnyAsync(ct))
        {
            return new Invalid(nameof(SubscribeInput.OfferId), SubscriptionMessages.NotValidThere);
        }
        var zone = await db.Locations.Where(l => l.Id == locationId).Select(l => l.TimeZone).FirstAsync(ct);
        var today = Today(clock, zone);
        if (!DateText.TryParseOptional(input.StartsOn, out var start))
        {
            return new Invalid(nameof(SubscribeInput.StartsOn), SubscriptionMessages.NotADate);
        }
        var startsOn = start ?? today;
        var staff = scope.CanManage(locationId) || scope.CanManage(member.HomeLocationId);
        if (staff && !self ? Math.Abs(startsOn.DayNumber - today.DayNumber) > 366 : startsOn < today)
        {
            return new Invalid(nameof(SubscribeInput.StartsOn), staff && !self ? SubscriptionMessages.StaffStartRange : SubscriptionMessages.StartTooEarly);
        }
        if (startsOn.DayNumber - today.DayNumber > 366)
        {
            return new Invalid(nameof(SubscribeInput.StartsOn), SubscriptionMessages.StartTooFar);
        }
        var companyPays = input.CompanyPays ?? member.BilledToCompany;
        if (companyPays && member.CompanyId is null)
        {
            return new Invalid(nameof(SubscribeInput.CompanyPays), SubscriptionMessages.NoCompany);
        }
        var granted = await PriceOffer.ValidGrantsAsync(db, member.Id, member.HomeLocationId, clock, ct);
        var (cents, _) = offer.PriceFor(granted);
        return new Subscription(member.Id, offer, locationId, companyPays ? member.CompanyId : null, cents, startsOn, NoticeDaysOf(offer.Kind),
            scope.UserId!.Value, clock.GetUtcNow().UtcDateTime);
    }

    /// Staff's subscription (or a member's own through the API): written now, billed by the next run of its month.
    public async Task<Result<Subscription>> HandleAsync(SubscribeInput input, AccessScope scope, CancellationToken ct)
    {
        var prepared = await PrepareAsync(input, scope, ct);
        if (!prepared.IsOk)
        {
            return prepared.Error;
        }
        Add(prepared.Value);
        await db.SaveChangesAsync(ct);
        return prepared.Value;
    }

    /// Adds a prepared subscription to the context, with its audit entry (the caller saves).
    public void Add(Subscription subscription)
    {
        db.Subscriptions.Add(subscription);
        audit.Record(AuditActions.SubscriptionStarted, "subscription", subscription.Id, subscription.LocationId, subscription.Kind.ToString());
    }

    /// Today at a location (the reduced-rate grants' rule, one definition).
    public static DateOnly Today(TimeProvider clock, string timeZone) => ReducedRates.Today(clock, timeZone);
}
