using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Cotravail.Modules.Billing;
using Microsoft.Extensions.DependencyInjection;

namespace Cotravail.Bench;

/// Invoice PDF rendering throughput: N invoices of 10 lines on 1 thread, then on 2 (no database, no I/O: the
/// renderer alone, as the billing run and the download page use it).
internal static class PdfBench
{
    public static async Task RunAsync(Dictionary<string, string> options)
    {
        var count = int.Parse(options.GetValueOrDefault("invoices", "2000"), CultureInfo.InvariantCulture);
        var threads = options.GetValueOrDefault("threads", "1,2").Split(',').Select(int.Parse).ToArray();
        var pdf = new ServiceCollection().AddLogging().AddLocalization().AddSingleton<InvoicePdf>().BuildServiceProvider().GetRequiredService<InvoicePdf>();
        var invoices = new[] { Invoice("fr"), Invoice("en") };
        var size = pdf.Render(invoices[0]).Length;
        for (var i = 0; i < 50; i++)
        {
            pdf.Render(invoices[i % 2]); // warm-up: JIT, fonts loaded and cached
        }

        Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; {TimeProvider.System.GetUtcNow().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"One invoice of 10 lines, French and English in turn: {size / 1024.0:F1} KB (fonts embedded as subsets)."));
        Console.WriteLine();
        Console.WriteLine("| operation | threads | invoices | invoices/s | p50 ms | p95 ms | p99 ms | CPU ms/invoice | peak RSS MB |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var n in threads)
        {
            var cpu = Environment.CpuUsage.TotalTime;
            var run = await Measure.RunAsync(n, TimeSpan.FromHours(1), count, i =>
            {
                pdf.Render(invoices[i % 2]);
                return Task.FromResult("ok");
            });
            var cpuMs = (Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds / Math.Max(1, run.Operations);
            using var self = Process.GetCurrentProcess();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| render invoice PDF (10 lines) | {n} | {run.Operations} | {run.PerSecond:F0} | {run.P50:F2} | {run.P95:F2} | {run.P99:F2} | {cpuMs:F2} | {self.PeakWorkingSet64 / 1048576.0:F0} |"));
        }
        Console.WriteLine();
        Console.WriteLine("(Peak RSS is the process's high-water mark so far, so a row includes the runs before it; server GC, as the app runs.)");
    }

    private static InvoicePrint Invoice(string language) => new(
        DocumentKind.Invoice, "F-000042", new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 31), new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30),
        "EUR", language,
        new PrintSeller("Cotravail Lyon Presqu'île", "SAS", "10 000 €", "12 rue de la République", "69002", "Lyon", "FR",
            "732829320", "73282932000074", "Lyon", "FR44732829320", VatFranchise: false, VatOnDebits: false, "factures@cotravail.example"),
        new PrintBuyer("Pâtisseries Françaises SARL", "8 boulevard Haussmann", "75009", "Paris", "FR", "552120222", "FR27552120222", "Zoë Lefèvre"),
        [.. Enumerable.Range(1, 10).Select(n => new PrintLine(
            n % 3 == 0 ? $"Salle de réunion « Verrière », demi-journée du {n} novembre, café et eau compris" : $"Journée coworking, poste nomade ({n})",
            n, 1_500, n % 4 == 0 ? 300 : 0, 1_500 * n - (n % 4 == 0 ? 300 : 0), 20_000, new DateOnly(2026, 11, n), new DateOnly(2026, 11, n)))],
        [new(20_000, 81_900, 16_380)],
        81_900, 16_380, 98_280, 98_280,
        12_150, null, "Virement bancaire, IBAN FR76 3000 6000 0112 3456 7890 189",
        null, null, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08");
}
