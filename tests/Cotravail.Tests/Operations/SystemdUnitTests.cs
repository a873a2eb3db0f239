using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Cotravail.Tests.Infrastructure;

namespace Cotravail.Tests.Operations;

/// docs/deploy/cotravail.service as an operator installs it: systemd itself checks the file, and the published
/// folder starts the way the unit starts it (its working directory, command line, environment and environment
/// file, only the port and folders moved into the test's), serves its pages and static files in Production,
/// is ready for the proxy, and stops cleanly on the unit's KillSignal within its TimeoutStopSec.
/// (No systemd runs as PID 1 on these machines, so `systemctl start` itself is not tried.)
public sealed partial class SystemdUnitTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("cotravail-unit-").FullName;

    [Fact]
    public async Task The_unit_verifies_and_the_published_folder_starts_serves_and_stops_as_it_says()
    {
        var published = Path.Combine(root, "app");
        var data = Path.Combine(root, "data");
        var envFile = Path.Combine(root, "cotravail.env");
        Directory.CreateDirectory(data);
        var port = SmtpServer.FreePort();
        File.WriteAllText(envFile, "# secrets, one NAME=value a line\nCotravail__Smtp__Host=127.0.0.1\n");

        var (publishCode, publishOutput) = await RunAsync("dotnet", ["publish", Path.Combine(RepositoryRoot(), "src", "Cotravail"), "-c", "Release", "--no-build", "-o", published, "-nologo"]);
        publishCode.ShouldBe(0, publishOutput);
        File.Exists(Path.Combine(published, "wwwroot", "css", "site.css")).ShouldBeTrue("the published folder carries the static files");

        // The documented unit, its folders moved to the test's: systemd's own checker finds nothing to say.
        var unit = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "deploy", "cotravail.service"))
            .Replace("/opt/cotravail/app", published, StringComparison.Ordinal)
            .Replace("/var/lib/cotravail", data, StringComparison.Ordinal)
            .Replace("/etc/cotravail/cotravail.env", envFile, StringComparison.Ordinal)
            .Replace("http://127.0.0.1:5080", $"http://127.0.0.1:{port}", StringComparison.Ordinal);
        var unitFile = Path.Combine(root, "cotravail.service");
        File.WriteAllText(unitFile, unit);
        var (verifyCode, verifyOutput) = await RunAsync("systemd-analyze", ["verify", unitFile]);
        verifyCode.ShouldBe(0, verifyOutput);
        verifyOutput.Trim().ShouldBeEmpty("systemd-analyze verify warns about nothing (unknown keys, bad values)");

        var service = Section(unit, "Service");
        var timeoutStop = TimeSpan.FromSeconds(int.Parse(service["TimeoutStopSec"].Single(), CultureInfo.InvariantCulture));
        timeoutStop.ShouldBeGreaterThan(TimeSpan.FromSeconds(20), "systemd waits longer than the app's own shutdown timeout before SIGKILL");
        service["KillSignal"].Single().ShouldBe("SIGTERM");

        var command = service["ExecStart"].Single().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var start = new ProcessStartInfo(command[0])
        {
            WorkingDirectory = service["WorkingDirectory"].Single(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        command.Skip(1).ToList().ForEach(start.ArgumentList.Add);
        start.Environment.Clear(); // systemd starts services with an empty environment, plus the unit's
        start.Environment["PATH"] = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
        start.Environment["HOME"] = root;
        foreach (var assignment in service["Environment"].Concat(File.ReadAllLines(service["EnvironmentFile"].Single())))
        {
            if (assignment.Split('=', 2) is [var name, var value] && !name.StartsWith('#'))
            {
                start.Environment[name.Trim()] = value.Trim();
            }
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"].ShouldBe("Production");

        using var process = Process.Start(start)!;
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, line) => { if (line.Data is { } text) { output.Enqueue(text); } };
        process.ErrorDataReceived += (_, line) => { if (line.Data is { } text) { output.Enqueue(text); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
            await WaitUntilReadyAsync(client, process, output);

            var home = await client.GetAsync("/account/sign-in");
            home.StatusCode.ShouldBe(HttpStatusCode.OK);
            var stylesheet = StylesheetLink().Match(await home.Content.ReadAsStringAsync());
            stylesheet.Success.ShouldBeTrue("the sign-in page links its stylesheet");
            var css = await client.GetAsync(WebUtility.HtmlDecode(stylesheet.Groups[1].Value));
            css.StatusCode.ShouldBe(HttpStatusCode.OK, "static files are served from the published folder");
            css.Content.Headers.ContentType?.MediaType.ShouldBe("text/css");
            Directory.EnumerateFiles(data, "*.db").ShouldNotBeEmpty("the database lives in the unit's data folder");
            output.ShouldContain(line => line.StartsWith("{\"Timestamp\"", StringComparison.Ordinal), "Production logs are JSON lines for the journal");

            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }
            using var stop = new CancellationTokenSource(timeoutStop);
            await process.WaitForExitAsync(stop.Token);
            process.ExitCode.ShouldBe(0, "SIGTERM is a clean stop, so Restart=on-failure does not restart it");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
    }

    private static async Task WaitUntilReadyAsync(HttpClient client, Process process, IEnumerable<string> output)
    {
        for (var attempt = 0; attempt < 480 && !process.HasExited; attempt++)
        {
            try
            {
                if ((await client.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(250);
        }
        throw new InvalidOperationException("The published app did not become ready:\n" + string.Join('\n', output.TakeLast(30)));
    }

    /// The keys of one [Section] of a unit file, each with its values in order (Environment= may repeat).
    private static Dictionary<string, List<string>> Section(string unit, string name)
    {
        var keys = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var inside = false;
        foreach (var raw in unit.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                inside = line == $"[{name}]";
            }
            else if (inside && line.Length > 0 && !line.StartsWith('#') && line.Split('=', 2) is [var key, var value])
            {
                (keys.TryGetValue(key, out var values) ? values : keys[key] = []).Add(value);
            }
        }
        return keys;
    }

    private static async Task<(int Code, string Output)> RunAsync(string file, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        args.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Cotravail.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Cotravail.slnx not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("<link[^>]+href=\"(/css/[^\"]+)\"")]
    private static partial Regex StylesheetLink();

    public void Dispose() => Directory.Delete(root, recursive: true);
}
