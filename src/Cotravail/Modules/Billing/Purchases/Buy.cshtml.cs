using System.Globalization;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Common.Localization;
using Cotravail.Modules.Companies;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Members;
using Cotravail.Modules.Offers;
using Cotravail.Modules.Subscriptions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Billing.Purchases;

/// /offers/{id}/buy: a member buys an offer for themselves through BuyOffer, the handler of POST /api/v1/offers/{id}/buy.
/// It shows what the offer gives and the member's own price (PriceOffer), asks the first day of a plan or the
/// membership, and who pays when the member belongs to a company; the member who pays is told first when an invoice
/// cannot be made without their postal address. Problems are shown by their field and what was typed is kept.
internal sealed class BuyModel(AppDb db, Access access, BuyOffer buy, SaveDraft drafts, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public Offer Offer { get; private set; } = null!;

    public IReadOnlyDictionary<Guid, string> LocationNames { get; private set; } = new Dictionary<Guid, string>();

    public PriceOffer.Response Price { get; private set; } = null!;

    /// A plan or the membership: the member chooses its first day (a pass starts today).
    public bool AsksStart => Offer.Kind is OfferKind.MonthlyPlan or OfferKind.AnnualPlan or OfferKind.MembershipFee;

    /// The member's company, when they belong to one: the "my company pays" box is shown.
    public string? CompanyName { get; private set; }

    /// Whether the company pays unless the member says otherwise.
    public bool BilledToCompany { get; private set; }

    /// The member's invoice would have no postal address: BuyOffer refuses it until the profile has one.
    public bool NeedsAddress { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync([Bind(Prefix = "Input")] BuyOffer.Request input, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var bought = await buy.HandleAsync(Id, input, await access.GetAsync(ct), ct);
            if (bought.IsOk)
            {
                var r = bought.Value;
                var held = l["You hold {0} from {1}.", r.Subscription.OfferName, r.Subscription.StartsOn.ToString("d", CultureInfo.CurrentCulture)].Value;
                if (r.InvoiceNumber is { } number && r.InvoiceId is { } invoice)
                {
                    TempData["Saved"] = held + " " + l["Invoice {0} is issued and sent to you by email.", number].Value;
                    TempData["SavedLink"] = $"/me/invoices/{invoice}/pdf";
                    TempData["SavedLinkText"] = l["Download invoice {0} (PDF)", number].Value;
                }
                else
                {
                    TempData["Saved"] = held + " " + (r.IssueProblem is { } problem
                        ? l["The invoice waits for the staff: {0}", l[problem].Value].Value
                        : r.Subscription.PayerCompanyName is { } company ? l["{0} pays for it: it is billed with the company's next invoice.", company].Value : "");
                }
                return Redirect("/me/subscriptions");
            }
            switch (bought.Error)
            {
                case Common.Errors.NotFound:
                    return NotFound();
                case Forbidden:
                    return Forbid();
            }
            bought.Error.AddTo(ModelState, l, "Input");
        }
        return await LoadAsync(ct) ?? Page();
    }

    public string? Message(string key) => ModelState[key]?.Errors.FirstOrDefault()?.ErrorMessage;

    public string Value(string key, string? fallback) => ModelState[key]?.AttemptedValue ?? fallback ?? "";

    /// Null when the page can be shown; else why not (not found, or an account that is no member).
    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var scope = await access.GetAsync(ct);
        if (scope.MemberId is not { } memberId)
        {
            return Forbid();
        }
        var offer = await db.Offers.VisibleTo(db, scope).AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(o => o.Id == Id && o.Kind != OfferKind.Product, ct);
        if (offer is null || await PriceOffer.HandleAsync(Id, null, db, scope, clock, ct) is not { IsOk: true } price)
        {
            return NotFound();
        }
        (Offer, Price) = (offer, price.Value);
        var ids = offer.OpenedLocations.Select(x => x.LocationId).ToList();
        LocationNames = await db.Locations.Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        var member = await db.Members.AsNoTracking().Where(m => m.Id == memberId).Select(m => new { m.HomeLocationId, m.CompanyId, m.BilledToCompany }).FirstAsync(ct);
        if (member.CompanyId is { } companyId)
        {
            CompanyName = await db.Companies.Where(c => c.Id == companyId).Select(c => c.LegalName).FirstOrDefaultAsync(ct);
            BilledToCompany = member.BilledToCompany;
        }
        var buyer = await drafts.BuyerAsync(new DraftInput { LocationId = offer.LocationId ?? member.HomeLocationId, MemberId = memberId }, ct);
        NeedsAddress = buyer.IsOk && (string.IsNullOrWhiteSpace(buyer.Value.Street) || string.IsNullOrWhiteSpace(buyer.Value.City));
        return null;
    }
}
