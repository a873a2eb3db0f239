using Cotravail.Common;
using System.Globalization;
using Cotravail.Common.Auth;
using Cotravail.Common.Database;
using Cotravail.Common.Errors;
using Cotravail.Common.Localization;
using Cotravail.Modules.Locations;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Cotravail.Modules.Billing;

/// Turnover for any period of issue dates: invoices minus credit notes, excluding VAT, per currency and
/// VAT rate, summed in SQL; the documents one by one as CSV (credit notes negative).
internal static class Turnover
{
    internal sealed record Query(string? From, string? To, Guid? LocationId);

    internal sealed record Report(DateOnly From, DateOnly To, Guid? LocationId, IReadOnlyList<CurrencyTotal> Totals);

    internal sealed record CurrencyTotal(string Currency, int Invoices, int CreditNotes, decimal TotalExcludingVat, decimal TotalVat, decimal TotalIncludingVat,
        IReadOnlyList<VatResponse> PerRate);

    private sealed record Row(Guid Id, DocumentKind Kind, string? Number, DateOnly? IssueDate, string BuyerName, string Currency, long Net, long Vat, long Gross);

    public static async Task<Result<Report>> HandleAsync(Query query, AppDb db, AccessScope scope, CancellationToken ct)
    {
        if (!DateText.TryParse(query.From, out var from))
        {
            return new Invalid(nameof(Query.From), BillingMessages.NotADate);
        }
        if (!DateText.TryParse(query.To, out var to))
        {
            return new Invalid(nameof(Query.To), BillingMessages.NotADate);
        }
        if (to < from)
        {
            return new Invalid(nameof(Query.To), BillingMessages.PeriodBackwards);
        }
        var documents = Documents(db, scope, from, to, query.LocationId);
        var totals = await documents.GroupBy(i => i.Currency).Select(g => new
        {
            Currency = g.Key,
            Invoices = g.Count(i => i.Kind == DocumentKind.Invoice),
            CreditNotes = g.Count(i => i.Kind == DocumentKind.CreditNote),
            Net = g.Sum(i => i.Kind == DocumentKind.Invoice ? i.NetTotalCents : -i.NetTotalCents),
            Vat = g.Sum(i => i.Kind == DocumentKind.Invoice ? i.VatTotalCents : -i.VatTotalCents),
        }).ToListAsync(ct);
        var rates = await (
            from i in documents
            join v in db.Set<InvoiceVat>() on i.Id equals v.InvoiceId
            group new { i.Kind, v.TaxableCents, v.VatCents } by new { i.Currency, v.VatMilliPercent } into g
            select new
            {
                g.Key.Currency, g.Key.VatMilliPercent,
                Taxable = g.Sum(x => x.Kind == DocumentKind.Invoice ? x.TaxableCents : -x.TaxableCents),
                Vat = g.Sum(x => x.Kind == DocumentKind.Invoice ? x.VatCents : -x.VatCents),
            }).ToListAsync(ct);
        return new Report(from, to, query.LocationId, [.. totals.OrderBy(t => t.Currency, StringComparer.Ordinal).Select(t => new CurrencyTotal(
            t.Currency, t.Invoices, t.CreditNotes, t.Net / 100m, t.Vat / 100m, (t.Net + t.Vat) / 100m,
            [.. rates.Where(r => r.Currency == t.Currency).OrderByDescending(r => r.VatMilliPercent)
                .Select(r => new VatResponse(VatRate.Percent(r.VatMilliPercent), r.Taxable / 100m, r.Vat / 100m))]))]);
    }

    public static async Task<Result<byte[]>> CsvAsync(Query query, AppDb db, AccessScope scope, IStringLocalizer<SharedResource> l, CancellationToken ct)
    {
        var report = await HandleAsync(query, db, scope, ct);
        if (!report.IsOk)
        {
            return report.Error;
        }
        var rows = await Documents(db, scope, report.Value.From, report.Value.To, query.LocationId)
            .OrderBy(i => i.Kind).ThenBy(i => i.Sequence)
            .Select(i => new Row(i.Id, i.Kind, i.Number, i.IssueDate, i.BuyerName, i.Currency, i.NetTotalCents, i.VatTotalCents, i.GrossTotalCents))
            .ToListAsync(ct);
        var culture = CultureInfo.CurrentCulture;
        var options = CsvWriterOptions.Default with
        {
            Separator = culture.TextInfo.ListSeparator == ";" ? ';' : ',',
            Injection = CsvInjection.Escape,
            WriteByteOrderMark = true,
            FormatProvider = culture,
        };
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, options, leaveOpen: true))
        {
            foreach (var title in new[] { l["Number"].Value, l["Issue date"].Value, l["Kind"].Value, l["Customer"].Value, l["Total excl. VAT"].Value, l["VAT"].Value,
                l["Total incl. VAT"].Value, l["Currency"].Value })
            {
                csv.WriteField(title);
            }
            csv.EndRecord();
            foreach (var r in rows)
            {
                var sign = r.Kind == DocumentKind.Invoice ? 1 : -1;
                csv.WriteField(r.Number);
                csv.WriteField(r.IssueDate!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                csv.WriteField(r.Kind == DocumentKind.Invoice ? l["Invoice"].Value : l["Credit note"].Value);
                csv.WriteField(r.BuyerName);
                csv.WriteField((sign * r.Net / 100m).ToString("0.00", culture));
                csv.WriteField((sign * r.Vat / 100m).ToString("0.00", culture));
                csv.WriteField((sign * r.Gross / 100m).ToString("0.00", culture));
                csv.WriteField(r.Currency);
                csv.EndRecord();
            }
        }
        return stream.ToArray();
    }

    /// Issued documents of the period that the person's staff role lets them see (admins: all).
    private static IQueryable<Invoice> Documents(AppDb db, AccessScope scope, DateOnly from, DateOnly to, Guid? locationId)
    {
        var locations = scope.StaffLocations;
        var documents = db.Invoices.Where(i => i.Status == InvoiceStatus.Issued && i.IssueDate >= from && i.IssueDate <= to);
        if (!scope.IsNetworkAdmin)
        {
            documents = documents.Where(i => locations.Contains(i.LocationId));
        }
        return locationId is { } id ? documents.Where(i => i.LocationId == id) : documents;
    }

}
