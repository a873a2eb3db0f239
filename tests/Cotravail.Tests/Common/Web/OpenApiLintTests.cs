using System.Diagnostics;
using System.Text.Json;
using Cotravail.Tests.Common.Localization;
using Cotravail.Tests.Infrastructure;

namespace Cotravail.Tests.Common.Web;

/// The OpenAPI document passes Redocly's recommended rules (ADR 22), checked by the pinned @redocly/cli
/// in tools/openapi-lint (test.sh installs it with npm ci). The document does not depend on the engine.
[Collection(SqliteCollection.Name)]
public sealed class OpenApiLintTests(SqliteTestApp app)
{
    [Fact]
    public async Task The_openapi_document_lints_clean()
    {
        var folder = Path.Combine(ResourceFilesTests.RepositoryRoot(), "tools", "openapi-lint");
        var redocly = Path.Combine(folder, "node_modules", "@redocly", "cli", "bin", "cli.js");
        File.Exists(redocly).ShouldBeTrue($"@redocly/cli is not installed: run npm ci --prefix tools/openapi-lint --no-audit --no-fund ({redocly} is missing)");

        var document = await app.AnonymousClient().GetStringAsync("/openapi/v1.json");
        var file = Path.Combine(Path.GetTempPath(), $"cotravail-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, document);
        try
        {
            var start = new ProcessStartInfo("node")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = folder,
            };
            foreach (var argument in new[] { redocly, "lint", file, "--config", Path.Combine(folder, "redocly.yaml"), "--format", "json" })
            {
                start.ArgumentList.Add(argument);
            }
            // Offline: no telemetry, no update check.
            start.Environment["REDOCLY_TELEMETRY"] = "off";
            start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
            start.Environment["CI"] = "true";
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            var problems = Problems(await output, await error);
            // Errors are the promise; warnings are kept at none too, so a new one shows at once.
            problems.ShouldBeEmpty(string.Join("\n", problems.Select(p => p.ToString())));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private sealed record Problem(string Severity, string Rule, string Where, string Message)
    {
        public override string ToString() => $"{Severity} {Rule} at {Where}: {Message}";
    }

    private static List<Problem> Problems(string output, string error)
    {
        var start = output.IndexOf('{', StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0, $"redocly gave no JSON report:\n{output}\n{error}");
        using var report = JsonDocument.Parse(output[start..]);
        return [.. report.RootElement.GetProperty("problems").EnumerateArray().Select(p => new Problem(
            p.GetProperty("severity").GetString()!,
            p.GetProperty("ruleId").GetString()!,
            string.Join(", ", p.GetProperty("location").EnumerateArray().Select(l => l.TryGetProperty("pointer", out var pointer) ? pointer.GetString() : "")),
            p.GetProperty("message").GetString()!))];
    }
}
