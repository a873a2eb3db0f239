using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Cotravail.Common;
using Cotravail.Modules.Billing;
using Microsoft.Extensions.DependencyInjection;
using static Cotravail.Tests.Modules.Billing.InvoicePdfText;

namespace Cotravail.Tests.Modules.Billing;

/// The PDF as a reader gets it (pdftotext): every mention French law asks of an invoice, in French and in English.
public sealed class InvoicePdfTests
{
    private static readonly InvoicePdf Pdf = new ServiceCollection().AddLogging().AddLocalization().AddSingleton<InvoicePdf>()
        .BuildServiceProvider().GetRequiredService<InvoicePdf>();

    private static CultureInfo Culture(string language) => CultureInfo.GetCultureInfo(language == "en" ? "en-GB" : "fr-FR");

    private static string Money(long cents, string language) => Normalize(new Money(cents, "EUR").Format(Culture(language)));

    private static string Date(int year, int month, int day, string language) => new DateOnly(year, month, day).ToString("d", Culture(language));

    private static async Task<string> TextOf(InvoicePrint print) => Normalize(await ExtractAsync(Pdf.Render(print)));

    private static void ShouldContainAll(string text, params string[] expected)
    {
        foreach (var e in expected)
        {
            text.ShouldContain(Normalize(e), Case.Sensitive, $"missing «{e}» in:\n{text}");
        }
    }

    [Theory]
    [InlineData("fr", "FACTURE", "SAS au capital de 10 000 €", "SIREN : 732829320", "SIRET : 73282932000074", "N° TVA intracommunautaire : FR44732829320")]
    [InlineData("en", "INVOICE", "SAS with share capital of €10,000", "SIREN: 732829320", "SIRET: 73282932000074", "VAT number: FR44732829320")]
    public async Task The_seller_is_identified(string language, string title, string capital, string siren, string siret, string vat)
    {
        var text = await TextOf(InvoicePrints.Invoice(language));

        ShouldContainAll(text, title, "Cotravail Lyon Presqu'île", capital, "12 rue de la République", "69002 Lyon", siren, siret,
            "RCS Lyon 732829320", vat, "factures@cotravail.example");
    }

    [Theory]
    [InlineData("fr", "Client", "À l'attention de : Zoë Lefèvre", "SIREN : 552120222", "N° TVA intracommunautaire : FR27552120222")]
    [InlineData("en", "Customer", "Attention: Zoë Lefèvre", "SIREN: 552120222", "VAT number: FR27552120222")]
    public async Task The_buyer_company_is_identified(string language, string heading, string attention, string siren, string vat)
    {
        var text = await TextOf(InvoicePrints.Invoice(language));

        ShouldContainAll(text, heading, "Pâtisseries Françaises SARL", attention, "8 boulevard Haussmann", "75009 Paris", siren, vat);
        text.ShouldNotContain("France", Case.Sensitive, "seller and buyer in one country: no country line");
    }

    [Theory]
    [InlineData("fr", "France", "Belgique")]
    [InlineData("en", "France", "Belgium")]
    public async Task A_buyer_abroad_has_both_countries_named_in_the_document_language(string language, string seller, string buyer)
    {
        var invoice = InvoicePrints.Invoice(language);

        var text = await TextOf(invoice with { Buyer = invoice.Buyer with { City = "Bruxelles", PostalCode = "1000", CountryCode = "BE", Siren = null, VatNumber = "BE0123456749" } });

        var lines = text.Split('\n');
        lines.ShouldContain(l => l.StartsWith(seller, StringComparison.Ordinal));
        lines.ShouldContain(l => l.EndsWith(buyer, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("fr", "N° F-000042", "Date d'émission : {0}", "Date d'échéance : {1}", "Période de la prestation : du {2} au {3}", "du {4} au {4}", "Date de la prestation : {4}")]
    [InlineData("en", "No. F-000042", "Issue date: {0}", "Due date: {1}", "Service period: {2} to {3}", "{4} to {4}", "Date of service: {4}")]
    public async Task Number_dates_and_period_of_service_are_printed(string language, string number, string issued, string due, string period, string sameDay, string oneDay)
    {
        string[] dates = [Date(2026, 12, 1, language), Date(2026, 12, 31, language), Date(2026, 11, 1, language), Date(2026, 11, 30, language), Date(2026, 11, 18, language)];
        var text = await TextOf(InvoicePrints.Invoice(language));

        ShouldContainAll(text, number, string.Format(CultureInfo.InvariantCulture, issued, dates), string.Format(CultureInfo.InvariantCulture, due, dates),
            string.Format(CultureInfo.InvariantCulture, period, dates));
        text.ShouldNotContain(Normalize(string.Format(CultureInfo.InvariantCulture, sameDay, dates)), Case.Sensitive, "a one-day line shows its date once");
        text.ShouldContain(dates[4]);
        var day = new DateOnly(2026, 11, 18);
        ShouldContainAll(await TextOf(InvoicePrints.Invoice(language) with { PeriodStart = day, PeriodEnd = day }), string.Format(CultureInfo.InvariantCulture, oneDay, dates));
    }

    [Theory]
    [InlineData("fr", "Qté", "Prix unitaire HT", "Remise", "Montant HT", "20 %", "5,5 %", "10,5")]
    [InlineData("en", "Qty", "Unit price excl. VAT", "Discount", "Amount excl. VAT", "20%", "5.5%", "10.5")]
    public async Task Lines_show_quantity_unit_price_discount_rate_and_amount(string language, string qty, string unitPrice, string discount, string amount,
        string normal, string reduced, string quantity)
    {
        var text = await TextOf(InvoicePrints.Invoice(language));
        var lines = text.Split('\n');

        ShouldContainAll(text, "Description", qty, discount);
        foreach (var header in new[] { unitPrice, amount })
        {
            // A long column title wraps: its first word is on the header line.
            text.ShouldContain(header.Split(' ')[0]);
        }
        // A description wraps in its column: the row's first line holds its beginning and the figures.
        lines.ShouldContain(l => l.StartsWith("Abonnement résident plein temps", StringComparison.Ordinal)
            && l.EndsWith($"1 {Money(35_000, language)} {normal} {Money(35_000, language)}", StringComparison.Ordinal));
        lines.ShouldContain(l => l.StartsWith("Salle de réunion « Verrière »", StringComparison.Ordinal)
            && l.EndsWith($"2 {Money(12_000, language)} {Money(2_400, language)} {normal} {Money(21_600, language)}", StringComparison.Ordinal));
        lines.ShouldContain(l => l.StartsWith("Crème brûlée", StringComparison.Ordinal)
            && l.EndsWith($"{quantity} {Money(1_250, language)} {reduced} {Money(13_125, language)}", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("fr", "TVA 20 %", "TVA 5,5 %", "Total HT", "Total TVA", "Total TTC", "Net à payer")]
    [InlineData("en", "VAT 20%", "VAT 5.5%", "Total excl. VAT", "Total VAT", "Total incl. VAT", "Amount due")]
    public async Task The_VAT_breakdown_and_totals_are_printed(string language, string normal, string reduced, string net, string vat, string gross, string due)
    {
        var lines = (await TextOf(InvoicePrints.Invoice(language))).Split('\n');

        lines.ShouldContain($"{normal} {Money(56_600, language)} {Money(11_320, language)}");
        lines.ShouldContain($"{reduced} {Money(13_125, language)} {Money(722, language)}");
        lines.ShouldContain($"{net} {Money(69_725, language)}");
        lines.ShouldContain($"{vat} {Money(12_042, language)}");
        lines.ShouldContain($"{gross} {Money(81_767, language)}");
        lines.ShouldContain($"{due} {Money(81_767, language)}");
    }

    [Theory]
    [InlineData("fr", "Pénalités de retard : 12,15 % par an", "Indemnité forfaitaire pour frais de recouvrement en cas de retard de paiement : quarante euros (40 €)")]
    [InlineData("en", "Late payment penalties: 12.15% per year", "Fixed compensation for recovery costs in case of late payment: forty euros (€40)")]
    public async Task Late_payment_penalty_and_the_40_euro_indemnity_in_words_and_figures_are_printed(string language, string penalty, string indemnity)
    {
        ShouldContainAll(await TextOf(InvoicePrints.Invoice(language)), penalty, indemnity);
    }

    [Theory]
    [InlineData("fr", "Pas d'escompte pour paiement anticipé", "Escompte pour paiement anticipé : 2 % sous 8 jours", "Conditions de paiement : Virement bancaire")]
    [InlineData("en", "No discount for early payment", "Discount for early payment: 2 % sous 8 jours", "Payment terms: Virement bancaire")]
    public async Task Early_payment_terms_or_their_absence_and_payment_terms_are_printed(string language, string none, string discount, string terms)
    {
        var invoice = InvoicePrints.Invoice(language);

        var without = await TextOf(invoice);
        var with = await TextOf(invoice with { EarlyPaymentDiscount = "2 % sous 8 jours" });

        ShouldContainAll(without, none, terms, "IBAN FR76 3000 6000 0112 3456 7890 189");
        ShouldContainAll(with, discount);
        with.ShouldNotContain(none);
    }

    [Theory]
    [InlineData("fr", "Nature de l'opération : Prestations de services")]
    [InlineData("en", "Nature of the operation: Supply of services")]
    public async Task The_nature_of_the_operation_is_printed(string language, string nature)
    {
        ShouldContainAll(await TextOf(InvoicePrints.Invoice(language)), nature);
    }

    [Theory]
    [InlineData("fr", "TVA 20", "Total TTC")]
    [InlineData("en", "VAT 20", "Total incl. VAT")]
    public async Task Under_the_VAT_franchise_the_293_B_mention_is_printed_and_no_VAT(string language, string vatLine, string gross)
    {
        var text = await TextOf(InvoicePrints.Franchise(language));

        ShouldContainAll(text, "TVA non applicable, art. 293 B du CGI", "Camille Martin EI");
        text.ShouldNotContain(vatLine);
        text.ShouldNotContain(gross);
        text.ShouldNotContain(language == "fr" ? "0 %" : "0%", Case.Sensitive, "no VAT rate column");
        (await TextOf(InvoicePrints.Invoice(language))).ShouldNotContain("293 B");
    }

    [Theory]
    [InlineData("fr", "Option pour le paiement de la taxe d'après les débits")]
    [InlineData("en", "VAT on debits option chosen (Option pour le paiement de la taxe d'après les débits)")]
    public async Task The_VAT_on_debits_option_is_printed_when_chosen(string language, string mention)
    {
        var invoice = InvoicePrints.Invoice(language);

        ShouldContainAll(await TextOf(invoice with { Seller = invoice.Seller with { VatOnDebits = true } }), mention);
        (await TextOf(invoice)).ShouldNotContain("débits");
    }

    [Theory]
    [InlineData("fr", "AVOIR", "N° AV-000003", "Avoir sur la facture F-000012 du 05/11/2026", "Montant de l'avoir")]
    [InlineData("en", "CREDIT NOTE", "No. AV-000003", "Credit note for invoice F-000012 of 05/11/2026", "Amount credited")]
    public async Task A_credit_note_names_the_invoice_it_corrects(string language, string title, string number, string reference, string total)
    {
        var text = await TextOf(InvoicePrints.CreditNote(language));

        ShouldContainAll(text, title, number, reference, total);
        text.ShouldNotContain(language == "fr" ? "FACTURE" : "INVOICE", Case.Sensitive);
    }

    [Theory]
    [InlineData("fr", "Qté", "Net à payer")]
    [InlineData("en", "Qty", "Amount due")]
    public async Task A_200_line_invoice_runs_over_pages_with_the_header_repeated_and_ends_with_its_totals(string language, string header, string due)
    {
        var raw = await ExtractAsync(Pdf.Render(InvoicePrints.Long(language, 200)));
        var pages = raw.Split('\f', StringSplitOptions.RemoveEmptyEntries).Select(Normalize).Where(p => p.Length > 0).ToList();

        pages.Count.ShouldBeGreaterThan(2);
        for (var n = 1; n <= pages.Count; n++)
        {
            pages[n - 1].ShouldContain($"F-000042 · page {n} / {pages.Count}");
            pages[n - 1].ShouldContain(InvoicePrints.Footprint);
        }
        pages.Take(pages.Count - 1).ShouldAllBe(p => p.Split('\n', StringSplitOptions.None).Any(l => l.StartsWith("Description", StringComparison.Ordinal) && l.Contains(header, StringComparison.Ordinal)));
        var lines = string.Join('\n', pages).Split('\n');
        Enumerable.Range(1, 200).ShouldAllBe(n => lines.Any(l => l.StartsWith($"Ligne {n} :", StringComparison.Ordinal)));
        pages[^1].ShouldContain($"{due} {Money(360_000, language)}");
    }

    [Fact]
    public async Task A_description_longer_than_a_page_is_cut_between_its_lines_and_read_whole()
    {
        var words = string.Join(' ', Enumerable.Range(1, 1500).Select(n => $"mot{n}"));
        var invoice = InvoicePrints.Invoice("fr");

        var raw = await ExtractAsync(Pdf.Render(invoice with { Lines = [invoice.Lines[0] with { Description = words }] }));

        raw.Split('\f', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBeGreaterThan(1);
        var read = string.Concat(raw.Split('\n').Select(l => l.TrimStart()).Where(l => l.StartsWith("mot", StringComparison.Ordinal))
            .Select(l => Regex.Replace(l, " {2,}.*", "") + " "));
        read.Trim().ShouldBe(words);
    }

    [Fact]
    public async Task Accents_symbols_and_French_number_spaces_survive_extraction()
    {
        var raw = await ExtractAsync(Pdf.Render(InvoicePrints.Invoice("fr")));

        foreach (var word in new[] { "Crème brûlée, façade, œuvre, à côté", "« Verrière »", "Zoë Lefèvre", "Date d'échéance", "Pénalités", "€" })
        {
            raw.ShouldContain(word);
        }
        // French groups digits with a narrow no-break space and puts a no-break space before €: the reader gets
        // them as spaces of some kind, never as missing or replacement characters.
        Normalize(raw).ShouldContain("817,67 €");
        raw.ShouldNotContain('\uFFFD');
        Regex.IsMatch(raw, @"817,67[\u00A0\u202F ]€").ShouldBeTrue();
    }

    // Not byte-identical: PDFsharp writes the creation time and a new document /ID into every file. Both are valid.
    [Fact]
    public async Task The_file_is_a_PDF_and_rendering_twice_gives_two_valid_PDFs()
    {
        var invoice = InvoicePrints.Invoice("fr");

        var first = Pdf.Render(invoice);
        var second = Pdf.Render(invoice);

        foreach (var pdf in new[] { first, second })
        {
            Encoding.ASCII.GetString(pdf, 0, 5).ShouldBe("%PDF-");
            Encoding.ASCII.GetString(pdf[^8..]).ShouldContain("%%EOF");
            (await ExtractAsync(pdf)).ShouldContain("F-000042");
        }
    }

    [Fact]
    public async Task Renderers_made_and_used_on_several_threads_at_once_share_one_font_resolver()
    {
        var services = new ServiceCollection().AddLogging().AddLocalization().AddSingleton<InvoicePdf>();
        var pdfs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
            services.BuildServiceProvider().GetRequiredService<InvoicePdf>().Render(InvoicePrints.Invoice("en")))));

        foreach (var pdf in pdfs)
        {
            Normalize(await ExtractAsync(pdf)).ShouldContain("INVOICE");
        }
    }

    [Fact]
    public void The_thread_culture_is_left_as_it_was()
    {
        var (ui, format) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);

        Pdf.Render(InvoicePrints.Invoice("en"));

        CultureInfo.CurrentUICulture.ShouldBe(ui);
        CultureInfo.CurrentCulture.ShouldBe(format);
    }

    [Theory]
    [InlineData("fr", false, "F-000042", "Facture-F-000042.pdf")]
    [InlineData("en", false, "F-000042", "Invoice-F-000042.pdf")]
    [InlineData("fr", true, "AV-000003", "Avoir-AV-000003.pdf")]
    [InlineData("en", true, "AV-000003", "CreditNote-AV-000003.pdf")]
    [InlineData("fr", false, "2026/../F 7", "Facture-2026-..-F-7.pdf")]
    public void The_file_name_says_what_the_document_is_in_its_language(string language, bool creditNote, string number, string name)
    {
        InvoicePdf.FileName(InvoicePrints.Invoice(language) with { Kind = creditNote ? DocumentKind.CreditNote : DocumentKind.Invoice, Number = number }).ShouldBe(name);
    }
}
