using System.Globalization;
using PdfSharp.Drawing;

namespace Cotravail.Modules.Billing;

/// The seller's and the buyer's blocks: name, legal form and capital, address, French identifiers, VAT number.
internal static class InvoiceParties
{
    public static IEnumerable<(string, XFont)> Seller(InvoicePrint print, Wording w, PrintFonts fonts)
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

    public static IEnumerable<(string, XFont)> Buyer(InvoicePrint print, Wording w, PrintFonts fonts)
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

    /// The country's name in the document's language, as ICU names it in a culture's name ("français (Belgique)",
    /// "English (Belgium)"): RegionInfo.DisplayName follows the machine's language, not the document's.
    private static string CountryName(string code, CultureInfo culture)
    {
        try
        {
            var name = CultureInfo.GetCultureInfo($"{culture.TwoLetterISOLanguageName}-{code}").NativeName;
            var (open, close) = (name.IndexOf('(', StringComparison.Ordinal), name.LastIndexOf(')'));
            return open >= 0 && close > open ? name[(open + 1)..close] : new RegionInfo(code).EnglishName;
        }
        catch (ArgumentException)
        {
            return code;
        }
    }
}
