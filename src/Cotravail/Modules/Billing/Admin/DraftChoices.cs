using System.Globalization;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Web;
using Cotravail.Modules.Companies;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Members;
using Cotravail.Modules.Network;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Billing.Admin;

/// A VAT rate of the form's drop-down: its value in percent as the API takes it ("5.5") and its label.
internal sealed record RateChoice(decimal Percent, string Label)
{
    public string Value => Percent.ToString("0.###", CultureInfo.InvariantCulture);
}

/// What the draft form offers: the locations one manages, the customers, the team members a company's line may
/// name, and the VAT rates of those locations (only 0 % under the VAT franchise).
internal sealed record DraftChoices(IReadOnlyList<Choice> Locations, IReadOnlyList<Choice> Members, IReadOnlyList<Choice> Companies,
    IReadOnlyList<Choice> TeamMembers, IReadOnlyList<int> Rates, IReadOnlyDictionary<int, string> RateNotes)
{
    public static readonly DraftChoices None = new([], [], [], [], [], new Dictionary<int, string>());

    /// The rates in percent, labelled in the page's language: "20 % — Normal", with the locations that have the rate
    /// when the locations one manages do not all have the same rates.
    public IReadOnlyList<RateChoice> RateChoices(IStringLocalizer l)
    {
        var wording = new Wording(l, CultureInfo.CurrentCulture, "EUR");
        return [.. Rates.Select(r => new RateChoice(VatRate.Percent(r), RateNotes.TryGetValue(r, out var note) ? $"{wording.Rate(r)} — {note}" : wording.Rate(r)))];
    }

    public static async Task<DraftChoices> LoadAsync(AppDb db, AccessScope scope, DraftInput input, CancellationToken ct)
    {
        var locations = await LocationChoices.ListAsync(db, scope, manageableOnly: true, ct);
        var ids = locations.Select(c => c.Id).ToList();
        var places = await db.Locations.AsNoTracking().Where(x => ids.Contains(x.Id)).OrderBy(x => x.Name).ToListAsync(ct);
        var franchise = await db.NetworkRow.Select(n => n.VatFranchise).SingleOrDefaultAsync(ct);
        var lineMembers = input.Lines.Select(x => x.MemberId).OfType<Guid>().ToList();
        var members = await db.Members.VisibleTo(scope).AsNoTracking().Where(m => m.IsActive || m.Id == input.MemberId)
            .OrderBy(m => m.LastName).ThenBy(m => m.FirstName).Take(1000)
            .Select(m => new Choice(m.Id, m.LastName + " " + m.FirstName + " <" + m.Email + ">")).ToListAsync(ct);
        var team = await db.Members.VisibleTo(scope).AsNoTracking().Where(m => (m.IsActive && m.CompanyId != null) || lineMembers.Contains(m.Id))
            .OrderBy(m => m.LastName).ThenBy(m => m.FirstName).Take(1000)
            .Select(m => new Choice(m.Id, m.LastName + " " + m.FirstName)).ToListAsync(ct);
        var companies = await CompanyChoices.ListAsync(db, scope, ct);
        if (franchise)
        {
            return new(locations, members, companies, team, [0], new Dictionary<int, string>());
        }
        var rates = places.SelectMany(p => p.VatRates.Select(r => (Place: p.Name, r.Label, r.MilliPercent))).ToList();
        var sameEverywhere = places.Select(p => string.Join(',', p.VatRates.Select(r => r.MilliPercent).Order())).Distinct().Count() <= 1;
        var notes = rates.GroupBy(r => r.MilliPercent).ToDictionary(g => g.Key, g =>
            string.Join(", ", g.Select(r => r.Label).Distinct()) + (sameEverywhere ? "" : $" ({string.Join(", ", g.Select(r => r.Place).Distinct())})"));
        return new(locations, members, companies, team, [.. rates.Select(r => r.MilliPercent).Distinct().OrderDescending()], notes);
    }

    /// A stored draft as the form shows it. The customer's printed identity is shown only where it differs from
    /// what the member or the company gives, so choosing another customer changes it and what was typed stays.
    public static async Task<DraftInput> InputOfAsync(AppDb db, InvoiceResponse draft, CancellationToken ct)
    {
        var company = draft.CompanyId is { } companyId
            ? await db.Companies.AsNoTracking().Where(c => c.Id == companyId).Select(c => new { c.LegalName, c.Street, c.PostalCode, c.City, c.CountryCode }).FirstOrDefaultAsync(ct)
            : null;
        var member = draft.MemberId is { } memberId
            ? await db.Members.AsNoTracking().Where(m => m.Id == memberId)
                .Select(m => new { Name = m.FirstName + " " + m.LastName, m.Street, m.PostalCode, m.City, m.CountryCode }).FirstOrDefaultAsync(ct)
            : null;
        var b = draft.Buyer;
        static string? Typed(string value, string? given) => value == (given ?? "") ? null : value;
        return new DraftInput
        {
            LocationId = draft.LocationId,
            MemberId = draft.MemberId,
            CompanyId = draft.CompanyId,
            BuyerName = Typed(b.Name, company?.LegalName ?? member?.Name),
            BuyerStreet = Typed(b.Street, company is null ? member?.Street : company.Street),
            BuyerPostalCode = Typed(b.PostalCode, company is null ? member?.PostalCode : company.PostalCode),
            BuyerCity = Typed(b.City, company is null ? member?.City : company.City),
            BuyerCountryCode = Typed(b.CountryCode, (company is null ? member?.CountryCode : company.CountryCode) ?? "FR"),
            Language = draft.Language,
            PeriodStart = draft.PeriodStart?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            PeriodEnd = draft.PeriodEnd is { } end && end != draft.PeriodStart ? end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            Lines = [.. draft.Lines.Select(x => new LineInput
            {
                Description = x.Description, Quantity = x.Quantity, UnitPrice = x.UnitPrice, Discount = x.Discount, VatPercent = x.VatPercent, MemberId = x.MemberId,
            })],
        };
    }
}
