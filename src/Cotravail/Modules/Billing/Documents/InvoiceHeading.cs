using System.Globalization;
using PdfSharp.Drawing;

namespace Cotravail.Modules.Billing;

/// The top of the first page: the seller's identity (left), title, number and dates (right), the buyer, then
/// the service's date or period and, on a credit note, the invoice it corrects.
internal static class InvoiceHeading
{
    private const double RightColumn = 330;

    public static void Draw(PageFlow flow, InvoicePrint print, Wording w)
    {
        var fonts = flow.Fonts;
        var top = flow.Y;
        var seller = flow.Block(Seller(print, w, fonts), PageFlow.Left, RightColumn - PageFlow.Left - 12);
        flow.Y = top + flow.Block(Title(print, w, fonts), RightColumn, PageFlow.Right - RightColumn) + 14;
        flow.Y += flow.Block(Buyer(print, w, fonts), RightColumn, PageFlow.Right - RightColumn);
        flow.Y = Math.Max(top + seller, flow.Y) + 14;
        if (print.PeriodStart is { } start)
        {
            var period = w.Period(start, print.PeriodEnd);
            flow.Paragraph(print.PeriodEnd is { } end && end != start ? w.L["Service period: {0}", period] : w.L["Date of service: {0}", period], fonts.Body);
        }
        if (print.Kind == DocumentKind.CreditNote && print.CorrectsNumber is { } corrected)
        {
            flow.Paragraph(print.CorrectsIssueDate is { } date
                ? w.L["Credit note for invoice {0} of {1}", corrected, w.Date(date)]
                : w.L["Credit note for invoice {0}", corrected], fonts.Bold);
        }
        flow.Paragraph(w.L["Nature of the operation: {0}", w.L["Supply of services"]], fonts.Body);
        flow.Y += 10;
    }

    private static IEnumerable<(string, XFont)> Title(InvoicePrint print, Wording w, PrintFonts fonts)
    {
        yield return (print.Kind == DocumentKind.Invoice ? w.L["INVOICE"] : w.L["CREDIT NOTE"], fonts.Title);
        yield return (w.L["No. {0}", print.Number], fonts.Bold);
        yield return (w.L["Issue date: {0}", w.Date(print.IssueDate)], fonts.Body);
        if (print.DueDate is { } due)
        {
            yield return (w.L["Due date: {0}", w.Date(due)], fonts.Body);
        }
        else if (print.Kind == DocumentKind.Invoice)
        {
            yield return (w.L["Payable on receipt"], fonts.Body);
        }
    }

    private static IEnumerable<(string, XFont)> Seller(InvoicePrint print, Wording w, PrintFonts fonts)
    {
        var s = print.Seller;
        yield return (s.LegalName, fonts.Bold);
        yield return (s.ShareCapital is { } capital ? w.L["{0} with share capital of {1}", s.LegalForm, capital] : s.LegalForm, fonts.Body);
        foreach (var line in Address(s.Street, s.PostalCode, s.City, s.CountryCode, print, w))
        {
            yield return (line, fonts.Body);
        }
        foreach (var line in Identifiers(s.Siren, s.Siret, s.RcsCity, s.VatNumber, w))
        {
            yield return (line, fonts.Body);
        }
        if (s.Email is { } email)
        {
            yield return (email, fonts.Body);
        }
    }

    private static IEnumerable<(string, XFont)> Buyer(InvoicePrint print, Wording w, PrintFonts fonts)
    {
        var b = print.Buyer;
        yield return (w.L["Customer"], fonts.Small);
        yield return (b.Name, fonts.Bold);
        if (b.Attention is { } attention)
        {
            yield return (w.L["Attention: {0}", attention], fonts.Body);
        }
        foreach (var line in Address(b.Street, b.PostalCode, b.City, b.CountryCode, print, w).Concat(Identifiers(b.Siren, null, null, b.VatNumber, w)))
        {
            yield return (line, fonts.Body);
        }
    }

    /// The country is named only when seller and buyer are in different countries.
    private static IEnumerable<string> Address(string street, string postalCode, string city, string country, InvoicePrint print, Wording w)
    {
        yield return street;
        yield return $"{postalCode} {city}".Trim();
        if (!print.Seller.CountryCode.Equals(print.Buyer.CountryCode, StringComparison.OrdinalIgnoreCase))
        {
            yield return CountryName(country, w.Culture);
        }
    }

    private static IEnumerable<string> Identifiers(string? siren, string? siret, string? rcsCity, string? vatNumber, Wording w)
    {
        if (siren is not null)
        {
            yield return w.L["SIREN: {0}", siren];
        }
        if (siret is not null)
        {
            yield return w.L["SIRET: {0}", siret];
        }
        if (rcsCity is not null)
        {
            yield return $"RCS {rcsCity} {siren}".TrimEnd(); // the register's own wording, the same in every language
        }
        if (vatNumber is not null)
        {
            yield return w.L["VAT number: {0}", vatNumber];
        }
    }

    private static string CountryName(string code, CultureInfo culture)
    {
        try
        {
            var region = new RegionInfo(code);
            return culture.TwoLetterISOLanguageName == "en" ? region.EnglishName : region.DisplayName;
        }
        catch (ArgumentException)
        {
            return code;
        }
    }
}
