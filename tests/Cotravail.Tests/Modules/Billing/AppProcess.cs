using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Common.Database;
using Cotravail.Modules.Billing;
using Cotravail.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cotravail.Tests.Modules.Billing;

/// The built app in a process of its own on a scratch database (the demo network seeded on its first start),
/// for the tests that kill it with SIGKILL: no shutdown, nothing flushed beyond what was committed.
internal sealed class AppProcess : IAsyncDisposable
{
    private readonly Process process;

    private AppProcess(Process process, int port)
    {
        this.process = process;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public HttpClient Client { get; }

    public bool HasExited => process.HasExited;

    /// What the server wrote on its standard output so far, line by line (its console logs).
    public ConcurrentQueue<string> Output { get; } = new();

    /// Starts the server on a free port and waits until it answers /healthz. Settings are environment
    /// variables ("Cotravail__BillingRuns__BatchSize").
    public static async Task<AppProcess> StartAsync(ScratchDatabase scratch, string data, bool seedDemo = true, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = SmtpServer.FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "Cotravail.dll"), "--urls", $"http://127.0.0.1:{port}" },
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["Cotravail__DataDirectory"] = data,
                ["Cotravail__SeedDemo"] = seedDemo ? "true" : "false",
                ["Cotravail__DemoActivity"] = "false",
                ["Cotravail__Backups__Enabled"] = "false",
                ["Cotravail__Outbox__Send"] = "false",
                ["Logging__LogLevel__Default"] = "Warning",
                ["ConnectionStrings__Postgres"] = scratch.Engine == DatabaseEngine.Postgres ? scratch.ConnectionString : "",
                ["ConnectionStrings__Sqlite"] = scratch.Engine == DatabaseEngine.Sqlite ? scratch.ConnectionString : "",
            },
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }
        var app = new AppProcess(Process.Start(start)!, port);
        app.process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is { } text)
            {
                app.Output.Enqueue(text);
            }
        };
        app.process.ErrorDataReceived += (_, _) => { };
        app.process.BeginOutputReadLine();
        app.process.BeginErrorReadLine();
        try
        {
            await app.WaitUntilUpAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return app;
    }

    /// Signs in with a password and sends the token with every request of Client.
    public async Task SignInAsync(string email, string password)
    {
        using var token = await Client.PostAsJsonAsync("/api/v1/auth/token", new { email, password });
        var answer = await token.Content.ReadFromJsonAsync<JsonElement>();
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", answer.GetProperty("token").GetString());
    }

    /// SIGTERM, as a container stop or systemd sends: the host stops accepting, drains, and stops.
    public async Task TerminateAsync()
    {
        using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    /// Waits for the process to end by itself and answers its exit code.
    public async Task<int> WaitForExitAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode;
    }

    /// SIGKILL: the process ends at once, in the middle of whatever it does.
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
        await process.WaitForExitAsync();
    }

    private async Task WaitUntilUpAsync()
    {
        for (var attempt = 0; attempt < 480 && !process.HasExited; attempt++)
        {
            try
            {
                if ((await Client.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(250);
        }
        throw new InvalidOperationException("The server did not start.");
    }

    /// What a kill must never leave: the invoice series numbered 1..N with no gap and dates that never go
    /// back, its counter at N, every issued document whole (lines, VAT rows, its link in the chain), no draft
    /// with a number or a footprint, and a chain that verifies. Returns the issued invoices' ids.
    public static async Task<List<Guid>> AssertSeriesIntactAsync(AppDb db)
    {
        var issued = await db.Invoices.AsNoTracking().Where(i => i.Status == InvoiceStatus.Issued && i.Kind == DocumentKind.Invoice)
            .OrderBy(i => i.Sequence).Select(i => new { i.Id, i.Sequence, i.IssueDate, Lines = i.Lines.Count, Vats = i.VatBreakdown.Count, i.ChainIndex, i.PreviousFootprint, i.Footprint })
            .ToListAsync();
        issued.Select(i => i.Sequence!.Value).ShouldBe(Enumerable.Range(1, issued.Count).Select(n => (long)n));
        issued.Select(i => i.IssueDate!.Value).ShouldBeInOrder(SortDirection.Ascending);
        issued.ShouldAllBe(i => i.Lines > 0 && i.Vats > 0 && i.ChainIndex != null && i.PreviousFootprint != null && i.Footprint != null, "no half-written document");
        (await db.Set<InvoiceCounter>().Where(c => c.Series == InvoiceSeries.Invoices).Select(c => c.LastNumber).SingleAsync()).ShouldBe(issued.Count);
        (await db.Invoices.CountAsync(i => i.Status == InvoiceStatus.Draft && (i.Number != null || i.Footprint != null))).ShouldBe(0);
        var chain = await VerifyChain.HandleAsync(db, CancellationToken.None);
        chain.Intact.ShouldBeTrue(chain.FirstBroken?.Reason);
        return [.. issued.Select(i => i.Id)];
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
        Client.Dispose();
    }
}
