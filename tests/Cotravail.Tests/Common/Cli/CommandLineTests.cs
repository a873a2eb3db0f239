using System.Diagnostics;
using System.Net;
using Cotravail.Common.Cli;
using Cotravail.Tests.Infrastructure;

namespace Cotravail.Tests.Common.Cli;

public sealed class CommandLineTests
{
    [Theory]
    [InlineData(new string[0], null)]
    [InlineData(new[] { "migrate" }, "migrate")]
    [InlineData(new[] { "create-admin", "--email", "a@example.org" }, "create-admin")]
    [InlineData(new[] { "--urls", "http://127.0.0.1:5080" }, null)]
    [InlineData(new[] { "--environment", "Production", "--urls", "http://127.0.0.1:5080" }, null)]
    [InlineData(new[] { "--urls=http://127.0.0.1:5080" }, null)]
    [InlineData(new[] { "Urls=http://127.0.0.1:5080" }, null)]
    public void Only_the_first_argument_may_be_a_verb(string[] args, string? verb)
    {
        CommandLine.Verb(args).ShouldBe(verb);
    }

    /// ASP.NET's documented form, with a space: the server starts and answers on that address.
    [Fact]
    public async Task The_server_starts_with_urls_given_as_two_arguments()
    {
        var port = SmtpServer.FreePort();
        var data = Directory.CreateTempSubdirectory("cotravail-cli-");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "Cotravail.dll"), "--urls", $"http://127.0.0.1:{port}" },
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["Cotravail__DataDirectory"] = data.FullName,
                ["Cotravail__SeedDemo"] = "false",
            },
        };
        using var process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            HttpStatusCode? status = null;
            for (var attempt = 0; attempt < 240 && status is null && !process.HasExited; attempt++)
            {
                try
                {
                    status = (await client.GetAsync($"http://127.0.0.1:{port}/healthz")).StatusCode;
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(250);
                }
            }
            string log;
            lock (output)
            {
                log = output.ToString();
            }
            process.HasExited.ShouldBeFalse($"the server stopped: {log}");
            status.ShouldBe(HttpStatusCode.OK, log);
            log.ShouldNotContain("Unknown command");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            data.Delete(recursive: true);
        }
    }
}
