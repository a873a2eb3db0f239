using System.Diagnostics;

namespace Cotravail.Tests.Operations;

/// One verb of the built app (`dotnet Cotravail.dll backup …`) in a process of its own, as an operator runs it.
internal static class CliProcess
{
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(IReadOnlyDictionary<string, string> settings, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["Logging__LogLevel__Default"] = "Warning",
                ["ConnectionStrings__Postgres"] = "",
                ["ConnectionStrings__Sqlite"] = "",
            },
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Cotravail.dll"));
        args.ToList().ForEach(start.ArgumentList.Add);
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet Cotravail.dll {string.Join(' ', args)} did not end within 2 minutes.");
        }
        return (process.ExitCode, await output, await errors);
    }
}
