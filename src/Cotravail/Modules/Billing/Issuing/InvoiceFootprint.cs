using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace Cotravail.Modules.Billing;

/// The SHA-256 footprint of an issued document: its canonical content (every printed field, in a fixed
/// order and format that both engines give back unchanged) followed by the previous footprint, so
/// altering any issued document breaks the chain at that document (ADR 18).
internal static class InvoiceFootprint
{
    /// The footprint before the first document of a chain.
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Of(Invoice d)
    {
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("v", "1");
            w.WriteString("kind", d.Kind.ToString());
            w.WriteString("number", d.Number);
            w.WriteNumber("sequence", d.Sequence ?? 0);
            w.WriteString("issueDate", Date(d.IssueDate));
            w.WriteString("dueDate", Date(d.DueDate));
            w.WriteString("period", $"{Date(d.PeriodStart)}/{Date(d.PeriodEnd)}");
            w.WriteString("currency", d.Currency);
            w.WriteString("buyer", string.Join('|', d.BuyerName, d.BuyerStreet, d.BuyerPostalCode, d.BuyerCity, d.BuyerCountryCode, d.BuyerSiren, d.BuyerVatNumber));
            if (d.Seller is { } s)
            {
                w.WriteString("seller", string.Join('|', s.LegalName, s.LegalForm, s.ShareCapital, s.Street, s.PostalCode, s.City, s.CountryCode, s.Siren, s.Siret,
                    s.RcsCity, s.VatNumber, s.VatFranchise, s.VatOnDebits, s.LatePenaltyMilliPercent, s.EarlyPaymentDiscount, s.PaymentTerms));
            }
            w.WriteString("corrects", $"{d.CorrectsNumber}|{Date(d.CorrectsIssueDate)}");
            w.WriteString("note", d.Note);
            w.WriteStartArray("lines");
            foreach (var l in d.Lines.OrderBy(l => l.Position))
            {
                w.WriteStringValue(string.Join('|', l.Position, l.Description, Quantity(l.Quantity), l.UnitPriceCents, l.DiscountCents, l.NetCents, l.VatMilliPercent,
                    Date(l.PeriodStart), Date(l.PeriodEnd)));
            }
            w.WriteEndArray();
            w.WriteStartArray("vat");
            foreach (var v in d.VatBreakdown.OrderByDescending(v => v.VatMilliPercent))
            {
                w.WriteStringValue($"{v.VatMilliPercent}|{v.TaxableCents}|{v.VatCents}");
            }
            w.WriteEndArray();
            w.WriteString("totals", $"{d.NetTotalCents}|{d.VatTotalCents}|{d.GrossTotalCents}");
            w.WriteNumber("chainIndex", d.ChainIndex ?? 0);
            w.WriteString("previous", d.PreviousFootprint);
            w.WriteEndObject();
        }
        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }

    private static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    // PostgreSQL gives back numeric(12,3) as 1.500, SQLite as 1.5: the footprint must not care.
    private static string Quantity(decimal q) => q.ToString("0.###", CultureInfo.InvariantCulture);
}
