using System.Diagnostics;
using System.Text.Json;

namespace Cotravail.Tests.Infrastructure;

/// A message as received by SmtpServer, read by an independent parser (Python's email package):
/// its headers in order, unfolded and decoded, and its text/plain body.
public sealed record ReceivedMail(IReadOnlyList<(string Name, string Value)> Headers, string? Text)
{
    public IEnumerable<string> All(string name) => Headers.Where(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value);

    public static async Task<ReceivedMail> ReadAsync(string raw)
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, raw);
        try
        {
            var start = new ProcessStartInfo(File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("""
                import sys, json, email
                from email import policy
                message = email.message_from_bytes(open(sys.argv[1], 'rb').read(), policy=policy.default)
                body = message.get_body(('plain',))
                print(json.dumps({'headers': [[k, str(v)] for k, v in message.items()], 'text': body.get_content() if body else None}))
                """);
            start.ArgumentList.Add(file);
            using var process = Process.Start(start)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            process.ExitCode.ShouldBe(0, error);
            using var json = JsonDocument.Parse(output);
            var headers = json.RootElement.GetProperty("headers").EnumerateArray().Select(h => (h[0].GetString()!, h[1].GetString()!)).ToList();
            return new ReceivedMail(headers, json.RootElement.GetProperty("text").GetString());
        }
        finally
        {
            File.Delete(file);
        }
    }
}
