using System.Diagnostics;
using System.Net;
using Cotravail.Common.Cli;
using Cotravail.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;

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
        await StartsAndAnswersAsync(port, start =>
        {
            start.ArgumentList.Add("--urls");
            start.ArgumentList.Add($"http://127.0.0.1:{port}");
        });
    }

    /// A service manager or a container gives the address in the environment: it wins over the default (5080).
    [Fact]
    public async Task The_server_listens_where_ASPNETCORE_URLS_says()
    {
        var port = SmtpServer.FreePort();
        await StartsAndAnswersAsync(port, start => start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}");
    }

    [Theory]
    [InlineData(null, null, null, "http://localhost:5080")]
    [InlineData("http://127.0.0.1:9000", null, null, null)]
    [InlineData(null, "8080", null, null)]
    [InlineData(null, null, "8443", null)]
    public void The_default_address_applies_only_when_no_address_or_port_is_given(string? urls, string? httpPorts, string? httpsPorts, string? expected)
    {
        var settings = new Dictionary<string, string?> { ["urls"] = urls, ["HTTP_PORTS"] = httpPorts, ["HTTPS_PORTS"] = httpsPorts };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        Cotravail.Common.Web.DefaultAddress.For(configuration).ShouldBe(expected);
    }

    private static async Task StartsAndAnswersAsync(int port, Action<ProcessStartInfo> configure)
    {
        var data = Directory.CreateTempSubdirectory("cotravail-cli-");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "Cotravail.dll") },
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["Cotravail__DataDirectory"] = data.FullName,
                ["Cotravail__SeedDemo"] = "false",
                ["Cotravail__Backups__Enabled"] = "false",
            },
        };
        configure(start);
        using var process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            HttpStatusCode? status = null;
            for (var attempt = 0; attempt < 240 && status is null && !process.HasExited; attempt++)
            {
                try
                {
                    status = (await client.GetAsync($"http://127.0.0.1:{port}/healthz")).StatusCode;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    await Task.Delay(250); // not listening yet, or too busy to answer in time: a busy machine is slow, never wrong
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
