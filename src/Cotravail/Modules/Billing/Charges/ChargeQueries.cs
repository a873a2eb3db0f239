using Cotravail.Common;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Modules.Companies;
using Cotravail.Modules.Locations;
using Cotravail.Modules.Members;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Billing;

/// Reads of charges, for GET /api/v1/charges and /admin/charges: one's locations' (ChargeAccess), filtered by
/// period, location, pending or billed, source, and the member's or the company's name.
internal static class ChargeQueries
{
    internal sealed record Query(string? Period, Guid? LocationId, bool? Pending, ChargeSource? Source, string? Q);

    /// A charge as the back office lists it, with who it is for and the invoice billing it.
    internal sealed record Row(Guid Id, DateOnly ServiceDate, DateOnly? ServiceEnd, string Period, Guid LocationId, string LocationName, string? MemberName,
        string? CompanyName, ChargeSource Source, string Description, decimal Quantity, long UnitPriceCents, int VatMilliPercent, string Currency, Guid? InvoiceId,
        string? InvoiceNumber)
    {
        public long NetCents => (long)Math.Round(Quantity * UnitPriceCents, MidpointRounding.AwayFromZero);
    }

    public static IQueryable<Charge> Filter(AppDb db, AccessScope scope, Query query)
    {
        var charges = db.Charges.AsNoTracking().VisibleTo(scope);
        charges = string.IsNullOrWhiteSpace(query.Period) ? charges : charges.Where(c => c.SourcePeriod == query.Period.Trim());
        charges = query.LocationId is { } location ? charges.Where(c => c.LocationId == location) : charges;
        charges = query.Pending is { } pending ? charges.Where(c => (c.InvoiceLineId == null) == pending) : charges;
        charges = query.Source is { } source ? charges.Where(c => c.Source == source) : charges;
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var q = query.Q.Trim().ToLowerInvariant();
            charges = charges.Where(c =>
                db.Set<Member>().Any(m => m.Id == c.MemberId && (m.FirstName + " " + m.LastName).ToLower().Contains(q))
                || db.Set<Company>().Any(x => x.Id == c.CompanyId && x.LegalName.ToLower().Contains(q)));
        }
        return charges;
    }

    /// One page of charges, the latest service dates first.
    public static async Task<Page<Row>> PageAsync(AppDb db, AccessScope scope, Query query, int? pageNumber, CancellationToken ct)
    {
        var rows = Filter(db, scope, query).OrderByDescending(c => c.ServiceDate).ThenByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Select(c => new Row(c.Id, c.ServiceDate, c.ServiceEnd, c.SourcePeriod, c.LocationId,
                db.Set<Location>().Where(l => l.Id == c.LocationId).Select(l => l.Name).FirstOrDefault() ?? "",
                db.Set<Member>().Where(m => m.Id == c.MemberId).Select(m => m.FirstName + " " + m.LastName).FirstOrDefault(),
                db.Set<Company>().Where(x => x.Id == c.CompanyId).Select(x => x.LegalName).FirstOrDefault(),
                c.Source, c.Description, c.Quantity, c.UnitPriceCents, c.VatMilliPercent, c.Currency,
                db.Set<InvoiceLine>().Where(l => l.Id == c.InvoiceLineId).Select(l => (Guid?)l.InvoiceId).FirstOrDefault(),
                db.Set<InvoiceLine>().Where(l => l.Id == c.InvoiceLineId).SelectMany(l => db.Set<Invoice>().Where(i => i.Id == l.InvoiceId).Select(i => i.Number)).FirstOrDefault()));
        return await rows.ToPageAsync(PageRequest.Of(pageNumber, 50), ct);
    }
}
