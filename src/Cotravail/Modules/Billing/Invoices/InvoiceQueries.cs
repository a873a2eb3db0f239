using Cotravail.Common;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Modules.Locations;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Modules.Billing;

/// Reads of invoices with what was credited and paid against them, summed in SQL.
internal static class InvoiceQueries
{
    /// RunId: the documents drafted by a billing run (of its month: a cancelled run's drafts and its successor's share the SourceKey prefix).
    internal sealed record Query(Guid? LocationId, Guid? MemberId, Guid? CompanyId, DocumentKind? Kind, InvoiceStatus? Status, PaymentState? State, string? Q,
        int? Page, int? PageSize, Guid? RunId = null);

    public static async Task<InvoiceResponse?> ResponseAsync(AppDb db, Guid id, TimeProvider clock, CancellationToken ct)
    {
        var invoice = await db.Invoices.AsNoTracking().Include(i => i.Lines).Include(i => i.VatBreakdown).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (invoice is null)
        {
            return null;
        }
        var credited = await db.Invoices.Where(c => c.CorrectsInvoiceId == id && c.Status == InvoiceStatus.Issued).Select(c => new { c.Id, c.GrossTotalCents }).ToListAsync(ct);
        var payments = await db.Payments.AsNoTracking().Where(p => p.InvoiceId == id).OrderBy(p => p.ReceivedOn).ThenBy(p => p.RecordedAt)
            .Select(p => new { p.Id, p.AmountCents, p.Method, p.ReceivedOn, p.Reference }).ToListAsync(ct);
        var paid = payments.Sum(p => p.AmountCents);
        var hasPdf = await db.InvoiceDocuments.AnyAsync(d => d.InvoiceId == id, ct);
        var today = (await TodaysAsync(db, [invoice.LocationId], clock, ct))[invoice.LocationId];
        var creditedCents = credited.Sum(c => c.GrossTotalCents);
        var b = invoice.BuyerOf();
        return new InvoiceResponse(invoice.Id, invoice.Kind, invoice.Status, invoice.Number, invoice.IssueDate, invoice.DueDate, invoice.PeriodStart, invoice.PeriodEnd,
            invoice.Currency, invoice.Language, invoice.LocationId, invoice.MemberId, invoice.CompanyId,
            new BuyerResponse(b.Name, b.Street, b.PostalCode, b.City, b.CountryCode, b.Siren, b.VatNumber, b.Email),
            [.. invoice.Lines.OrderBy(l => l.Position).Select(l => new LineResponse(l.Id, l.Position, l.Description, l.Quantity, Major(l.UnitPriceCents), Major(l.DiscountCents),
                Major(l.NetCents), VatRate.Percent(l.VatMilliPercent), l.PeriodStart, l.PeriodEnd, l.MemberId, l.CreditsLineId))],
            [.. invoice.VatBreakdown.OrderByDescending(v => v.VatMilliPercent).Select(v => new VatResponse(VatRate.Percent(v.VatMilliPercent), Major(v.TaxableCents), Major(v.VatCents)))],
            Major(invoice.NetTotalCents), Major(invoice.VatTotalCents), Major(invoice.GrossTotalCents),
            Major(creditedCents), Major(paid), Major(Due(invoice.Kind, invoice.GrossTotalCents, creditedCents, paid)),
            StateOf(invoice.Kind, invoice.Status, invoice.GrossTotalCents, creditedCents, paid, invoice.DueDate, today),
            invoice.CorrectsInvoiceId, invoice.CorrectsNumber, invoice.Note, [.. credited.Select(c => c.Id)], invoice.Footprint, hasPdf,
            [.. payments.Select(p => new PaymentResponse(p.Id, Major(p.AmountCents), p.Method, p.ReceivedOn, p.Reference))]);
    }

    public static async Task<Page<InvoiceSummary>> ListAsync(Query query, AppDb db, AccessScope scope, TimeProvider clock, CancellationToken ct)
    {
        var invoices = db.Invoices.VisibleTo(scope);
        if (query.LocationId is { } locationId)
        {
            invoices = invoices.Where(i => i.LocationId == locationId);
        }
        if (query.MemberId is { } memberId)
        {
            invoices = invoices.Where(i => i.MemberId == memberId);
        }
        if (query.CompanyId is { } companyId)
        {
            invoices = invoices.Where(i => i.CompanyId == companyId);
        }
        if (query.Kind is { } kind)
        {
            invoices = invoices.Where(i => i.Kind == kind);
        }
        if (query.Status is { } status)
        {
            invoices = invoices.Where(i => i.Status == status);
        }
        if (query.RunId is { } runId)
        {
            var period = await db.BillingRuns.Where(r => r.Id == runId).Select(r => r.Period).FirstOrDefaultAsync(ct);
            var prefix = BillingRun.PrefixOf(period ?? "none");
            invoices = invoices.Where(i => i.SourceKey != null && i.SourceKey.StartsWith(prefix));
        }
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var q = query.Q.Trim().ToLowerInvariant();
            invoices = invoices.Where(i => i.BuyerName.ToLower().Contains(q) || (i.Number != null && i.Number.ToLower().Contains(q)));
        }
        var rows = invoices
            .OrderBy(i => i.Status).ThenByDescending(i => i.Sequence).ThenByDescending(i => i.CreatedAt)
            .Select(i => new
            {
                i.Id, i.Kind, i.Status, i.Number, i.IssueDate, i.DueDate, i.BuyerName, i.Currency, i.GrossTotalCents, i.LocationId,
                Credited = db.Set<Invoice>().Where(c => c.CorrectsInvoiceId == i.Id && c.Status == InvoiceStatus.Issued).Sum(c => (long?)c.GrossTotalCents) ?? 0,
                Paid = db.Set<Payment>().Where(p => p.InvoiceId == i.Id).Sum(p => (long?)p.AmountCents) ?? 0,
            });
        if (query.State is { } state)
        {
            // Overdue by the UTC date: a list filter may be a few hours early or late, the state shown is exact.
            var utcToday = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var issuedInvoices = rows.Where(r => r.Status == InvoiceStatus.Issued && r.Kind == DocumentKind.Invoice);
            rows = state switch
            {
                PaymentState.Draft => rows.Where(r => r.Status == InvoiceStatus.Draft),
                PaymentState.Paid => issuedInvoices.Where(r => r.Paid > 0 && r.GrossTotalCents - r.Credited - r.Paid <= 0),
                PaymentState.Credited => issuedInvoices.Where(r => r.Credited >= r.GrossTotalCents),
                PaymentState.Overdue => issuedInvoices.Where(r => r.GrossTotalCents - r.Credited - r.Paid > 0 && r.DueDate < utcToday),
                PaymentState.PartlyPaid => issuedInvoices.Where(r => r.Paid > 0 && r.GrossTotalCents - r.Credited - r.Paid > 0),
                _ => issuedInvoices.Where(r => r.GrossTotalCents - r.Credited - r.Paid > 0),
            };
        }
        var page = await rows.ToPageAsync(PageRequest.Of(query.Page, query.PageSize), ct);
        var todays = await TodaysAsync(db, [.. page.Items.Select(r => r.LocationId).Distinct()], clock, ct);
        var items = page.Items.Select(r => new InvoiceSummary(r.Id, r.Kind, r.Status, r.Number, r.IssueDate, r.DueDate, r.BuyerName, r.Currency, Major(r.GrossTotalCents),
            Major(Due(r.Kind, r.GrossTotalCents, r.Credited, r.Paid)), StateOf(r.Kind, r.Status, r.GrossTotalCents, r.Credited, r.Paid, r.DueDate, todays[r.LocationId]),
            r.LocationId)).ToList();
        return new Page<InvoiceSummary>(items, page.PageNumber, page.PageSize, page.TotalCount);
    }

    /// What is left to pay on the issued invoices one may see, per currency: a member's or a company's balance.
    public static async Task<IReadOnlyList<Money>> BalanceAsync(AppDb db, AccessScope scope, CancellationToken ct)
    {
        var dues = await db.Invoices.VisibleTo(scope).Where(i => i.Status == InvoiceStatus.Issued && i.Kind == DocumentKind.Invoice)
            .Select(i => new
            {
                i.Currency,
                Due = i.GrossTotalCents
                    - (db.Set<Invoice>().Where(c => c.CorrectsInvoiceId == i.Id && c.Status == InvoiceStatus.Issued).Sum(c => (long?)c.GrossTotalCents) ?? 0)
                    - (db.Set<Payment>().Where(p => p.InvoiceId == i.Id).Sum(p => (long?)p.AmountCents) ?? 0),
            })
            .Where(d => d.Due > 0).ToListAsync(ct);
        return [.. dues.GroupBy(d => d.Currency).OrderBy(g => g.Key).Select(g => new Money(g.Sum(d => d.Due), g.Key))];
    }

    public static long Due(DocumentKind kind, long gross, long credited, long paid) => kind == DocumentKind.Invoice ? gross - credited - paid : 0;

    public static PaymentState StateOf(DocumentKind kind, InvoiceStatus status, long gross, long credited, long paid, DateOnly? dueDate, DateOnly today)
    {
        if (status == InvoiceStatus.Draft)
        {
            return PaymentState.Draft;
        }
        if (kind == DocumentKind.CreditNote)
        {
            return PaymentState.Paid;
        }
        var due = gross - credited - paid;
        return due <= 0 ? (credited >= gross ? PaymentState.Credited : PaymentState.Paid)
            : dueDate < today ? PaymentState.Overdue
            : paid > 0 ? PaymentState.PartlyPaid
            : PaymentState.Unpaid;
    }

    /// Each location's local date now: due dates are the seller's local dates.
    public static async Task<Dictionary<Guid, DateOnly>> TodaysAsync(AppDb db, IReadOnlyList<Guid> locationIds, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var zones = await db.Locations.Where(l => locationIds.Contains(l.Id)).Select(l => new { l.Id, l.TimeZone }).ToListAsync(ct);
        return zones.ToDictionary(z => z.Id, z => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, TimeZoneInfo.FindSystemTimeZoneById(z.TimeZone))));
    }

    private static decimal Major(long cents) => cents / 100m;
}
