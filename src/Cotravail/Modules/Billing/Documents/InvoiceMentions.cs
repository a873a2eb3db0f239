namespace Cotravail.Modules.Billing;

/// The legal mentions under the totals (French commercial code L441-9 and D441-5, tax code 242 nonies A).
internal static class InvoiceMentions
{
    public static IEnumerable<string> Of(InvoicePrint print, Wording w)
    {
        if (print.Seller.VatFranchise)
        {
            // The French sentence is what the law asks for; the English text adds its translation after it.
            yield return w.L["TVA non applicable, art. 293 B du CGI (VAT not applicable, article 293 B of the French General Tax Code)"];
        }
        if (print.Seller.VatOnDebits)
        {
            yield return w.L["VAT on debits option chosen (Option pour le paiement de la taxe d'après les débits)"];
        }
        if (print.DueDate is { } due)
        {
            yield return w.L["Payment due by {0}", w.Date(due)];
        }
        if (print.PaymentTerms is { } terms)
        {
            yield return w.L["Payment terms: {0}", terms];
        }
        yield return w.L["Late payment penalties: {0} per year", w.Rate(print.LatePenaltyMilliPercent)];
        yield return w.L["Fixed compensation for recovery costs in case of late payment: forty euros (€40)"];
        yield return print.EarlyPaymentDiscount is { } discount ? w.L["Discount for early payment: {0}", discount] : w.L["No discount for early payment"];
    }

    public static void Draw(PageFlow flow, InvoicePrint print, Wording w)
    {
        foreach (var mention in Of(print, w))
        {
            flow.Paragraph(mention, flow.Fonts.Small);
            flow.Y += 2;
        }
    }
}
