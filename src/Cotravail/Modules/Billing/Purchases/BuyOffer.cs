using System.Globalization;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Common.Localization;
using Cotravail.Modules.Offers;
using Cotravail.Modules.Subscriptions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Billing;

/// A member buys an offer for themselves (ADR 21): the subscription starts, and when the member pays, what it
/// owes for its first month (a pass or bundle: its price; a monthly plan: its share of the month; a yearly one:
/// the year) becomes a charge billed on an invoice issued at once, in the member's language, mailed and
/// downloadable. The card payment itself is left to the desk or a later payment module: the invoice is due on
/// its terms. A company that pays for its member is billed by the monthly run instead.
internal sealed class BuyOffer(AppDb db, Subscribe subscribe, SaveDraft drafts, IssueInvoice issue, InvoiceDocuments documents, InvoiceMail mail,
    IStringLocalizer<SharedResource> l, TimeProvider clock)
{
    internal sealed record Request
    {
        /// The first day of a plan, a local date such as "2026-12-01"; empty: today.
        public string? StartsOn { get; init; }

        /// Billed to the member's company (when the member belongs to one); empty: as the member is billed.
        public bool? CompanyPays { get; init; }
    }

    /// InvoiceId: the invoice issued for it, or null when the company pays (billed by the run) or when issuing
    /// was refused (the draft waits for staff then; IssueProblem says why).
    internal sealed record Response(SubscriptionResponse Subscription, Guid? InvoiceId, string? InvoiceNumber, string? IssueProblem);

    public async Task<Result<Response>> HandleAsync(Guid offerId, Request request, AccessScope scope, CancellationToken ct)
    {
        if (scope.MemberId is not { } memberId)
        {
            return new Forbidden();
        }
        var prepared = await subscribe.PrepareAsync(new SubscribeInput { OfferId = offerId, MemberId = memberId, StartsOn = request.StartsOn, CompanyPays = request.CompanyPays }, scope, ct);
        if (!prepared.IsOk)
        {
            return prepared.Error;
        }
        var subscription = prepared.Value;
        Buyer? buyer = null;
        if (subscription.PayerCompanyId is null)
        {
            var found = await drafts.BuyerAsync(new DraftInput { LocationId = subscription.LocationId, MemberId = memberId }, ct);
            if (!found.IsOk)
            {
                return found.Error;
            }
            buyer = found.Value with { CompanyId = null };
            if (string.IsNullOrWhiteSpace(buyer.Street) || string.IsNullOrWhiteSpace(buyer.City))
            {
                return new Invalid("address", BillingMessages.AddressFirst);
            }
        }
        var now = clock.GetUtcNow().UtcDateTime;
        Invoice? invoice = null;
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            subscribe.Add(subscription);
            if (buyer is not null)
            {
                var offer = await db.Offers.AsNoTracking().FirstAsync(o => o.Id == offerId, ct);
                var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : "fr";
                var charge = SubscriptionCharges.For(subscription, offer.Name(CultureInfo.GetCultureInfo(language)), BillingPeriod.Of(subscription.StartsOn), l, now);
                if (charge is not null)
                {
                    db.Charges.Add(charge);
                    invoice = Invoice.Draft(subscription.LocationId, buyer, subscription.Currency, language, scope.UserId!.Value, now, $"buy:{subscription.Id}");
                    invoice.SetPeriod(charge.ServiceDate, charge.ServiceEnd, language);
                    invoice.SetLines([new InvoiceLine(charge.Description, charge.Quantity, charge.UnitPriceCents, 0, charge.VatMilliPercent,
                        charge.ServiceDate, charge.ServiceEnd, null, charge.Id)]);
                    db.Invoices.Add(invoice);
                    db.AddRange(invoice.Lines);
                    db.AddRange(invoice.VatBreakdown);
                    await db.SaveChangesAsync(ct); // the charge before the line that bills it
                    charge.BillOn(invoice.Lines[0].Id);
                }
            }
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        string? problem = null, number = null;
        if (invoice is not null)
        {
            var issued = await issue.IssueAsync(invoice.Id, scope.UserId!.Value, ct);
            if (issued.IsOk)
            {
                number = issued.Value.Number;
                await documents.GetOrRenderAsync(invoice.Id, ct);
                await mail.SendAsync(invoice.Id, ct);
            }
            else
            {
                problem = issued.Error.Message;
            }
        }
        db.ChangeTracker.Clear();
        var saved = await db.Subscriptions.AsNoTracking().FirstAsync(s => s.Id == subscription.Id, ct);
        return new Response((await SubscriptionQueries.ResponsesAsync(db, [saved], clock, ct))[0], invoice?.Id, number, problem);
    }
}
