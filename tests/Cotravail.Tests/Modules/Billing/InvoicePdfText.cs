using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Cotravail.Tests.Modules.Billing;

/// What a reader gets out of a PDF: Debian's pdftotext (poppler-utils), an independent reader, in layout mode.
internal static partial class InvoicePdfText
{
    public static async Task<string> ExtractAsync(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"cotravail-invoice-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var start = new ProcessStartInfo("pdftotext")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = Encoding.UTF8,
            };
            foreach (var argument in new[] { "-layout", "-enc", "UTF-8", file, "-" })
            {
                start.ArgumentList.Add(argument);
            }
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("pdftotext took more than 30 s");
            }
            process.ExitCode.ShouldBe(0, await error);
            return await output;
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// No-break and narrow no-break spaces (French amounts) read as plain spaces, and a run of spaces as one, so
    /// that a check does not depend on the column layout or on which space a culture puts in a number.
    public static string Normalize(string text) =>
        string.Join('\n', text.Split('\n').Select(line => Spaces().Replace(line.Replace('\u00A0', ' ').Replace('\u202F', ' ').Replace('\u2009', ' '), " ").Trim()));

    [GeneratedRegex(" {2,}")]
    private static partial Regex Spaces();
}
