using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Cotravail.Tests.Infrastructure;

/// A real SMTP server (Debian's python3-aiosmtpd) on a free loopback port, keeping every message it
/// receives as a file in a maildir; stopped and removed on dispose.
public sealed class SmtpServer : IAsyncDisposable
{
    private readonly Process process;
    private readonly string folder;

    private SmtpServer(Process process, string folder, int port)
    {
        this.process = process;
        this.folder = folder;
        Port = port;
    }

    public int Port { get; }

    public static async Task<SmtpServer> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("cotravail-smtp-").FullName;
        var port = FreePort();
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var start = new ProcessStartInfo(python)
        {
            ArgumentList = { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{port}", "-c", "aiosmtpd.handlers.Mailbox", Path.Combine(folder, "mail") },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start.");
        var server = new SmtpServer(process, folder, port);
        for (var i = 0; i < 200; i++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"aiosmtpd stopped: {await process.StandardError.ReadToEndAsync()}");
            }
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return server;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        await server.DisposeAsync();
        throw new InvalidOperationException($"aiosmtpd did not listen on port {port}.");
    }

    /// Every message received so far, raw (headers and body).
    public IReadOnlyList<string> Messages()
    {
        var inbox = Path.Combine(folder, "mail", "new");
        return Directory.Exists(inbox) ? [.. Directory.GetFiles(inbox).Select(File.ReadAllText)] : [];
    }

    /// Waits (bounded) until a received message contains the text.
    public async Task<string?> WaitForAsync(string text, TimeSpan? patience = null)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < (patience ?? TimeSpan.FromSeconds(60)))
        {
            if (Messages().FirstOrDefault(m => m.Contains(text, StringComparison.Ordinal)) is { } found)
            {
                return found;
            }
            await Task.Delay(100);
        }
        return null;
    }

    /// A loopback port nobody listens on (for delivery failures).
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}
