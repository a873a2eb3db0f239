using Cotravail.Modules.Billing;

namespace Cotravail.Tests.Modules.Billing;

/// A French coworking space's invoice to a company, in either language: three lines at two VAT rates, one with a discount.
internal static class InvoicePrints
{
    public const string Footprint = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    public static InvoicePrint Invoice(string language) => new(
        DocumentKind.Invoice, "F-000042", new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31),
        new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30),
        "EUR", language,
        new PrintSeller("Cotravail Lyon Presqu'île", "SAS", language == "fr" ? "10 000 €" : "€10,000", "12 rue de la République", "69002", "Lyon", "FR",
            "732829320", "73282932000074", "Lyon", "FR44732829320", VatFranchise: false, VatOnDebits: false, "factures@cotravail.example"),
        new PrintBuyer("Pâtisseries Françaises SARL", "8 boulevard Haussmann", "75009", "Paris", "FR", "552120222", "FR27552120222", "Zoë Lefèvre"),
        [
            new("Abonnement résident plein temps, bureau dédié", 1, 35_000, 0, 35_000, 20_000, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30)),
            new("Salle de réunion « Verrière », demi-journée", 2, 12_000, 2_400, 21_600, 20_000, new DateOnly(2026, 11, 18), new DateOnly(2026, 11, 18)),
            new("Crème brûlée, façade, œuvre, à côté : plateau déjeuner", 10.5m, 1_250, 0, 13_125, 5_500, null, null),
        ],
        [new(20_000, 56_600, 11_320), new(5_500, 13_125, 722)],
        69_725, 12_042, 81_767, 81_767,
        12_150, null, "Virement bancaire, IBAN FR76 3000 6000 0112 3456 7890 189",
        null, null, Footprint);

    public static InvoicePrint CreditNote(string language) => Invoice(language) with
    {
        Kind = DocumentKind.CreditNote,
        Number = "AV-000003",
        DueDate = null,
        CorrectsNumber = "F-000012",
        CorrectsIssueDate = new DateOnly(2026, 11, 5),
    };

    /// An auto-entrepreneur under the VAT franchise: no VAT on any line.
    public static InvoicePrint Franchise(string language)
    {
        var invoice = Invoice(language);
        return invoice with
        {
            Seller = invoice.Seller with { LegalName = "Camille Martin EI", LegalForm = "EI", ShareCapital = null, RcsCity = null, VatNumber = null, VatFranchise = true },
            Lines = [.. invoice.Lines.Select(l => l with { VatMilliPercent = 0 })],
            VatBreakdown = [new(0, 69_725, 0)],
            VatTotalCents = 0,
            GrossTotalCents = 69_725,
            AmountDueCents = 69_725,
        };
    }

    public static InvoicePrint Long(string language, int lines)
    {
        var invoice = Invoice(language);
        return invoice with
        {
            Lines = [.. Enumerable.Range(1, lines).Select(n => new PrintLine(
                n % 7 == 0 ? $"Ligne {n} : impression couleur A3 recto verso sur papier recyclé, reliure spirale, livraison au bureau du résident avant midi" : $"Ligne {n} : journée coworking",
                1, 1_500, 0, 1_500, 20_000, null, null))],
            VatBreakdown = [new(20_000, 1_500L * lines, 300L * lines)],
            NetTotalCents = 1_500L * lines,
            VatTotalCents = 300L * lines,
            GrossTotalCents = 1_800L * lines,
            AmountDueCents = 1_800L * lines,
        };
    }
}
