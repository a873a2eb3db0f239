using System.Net;
using System.Net.Sockets;

namespace Cotravail.Tests.Infrastructure;

/// A TCP port that forwards to another (a database server) until Stop: then nothing listens there any more
/// and every relayed connection is cut, as when the database server goes away.
internal sealed class TcpRelay : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly List<TcpClient> connections = [];
    private readonly CancellationTokenSource stop = new();
    private readonly Task accepting;

    public TcpRelay(string host, int port)
    {
        listener.Start();
        accepting = AcceptAsync(host, port);
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    private async Task AcceptAsync(string host, int port)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(stop.Token);
                var server = new TcpClient();
                await server.ConnectAsync(host, port, stop.Token);
                lock (connections)
                {
                    connections.AddRange([client, server]);
                }
                _ = PumpAsync(client.GetStream(), server.GetStream());
                _ = PumpAsync(server.GetStream(), client.GetStream());
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    private async Task PumpAsync(Stream from, Stream to)
    {
        try
        {
            await from.CopyToAsync(to, stop.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or ObjectDisposedException)
        {
        }
    }

    public async Task StopAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        lock (connections)
        {
            connections.ForEach(c => c.Dispose());
            connections.Clear();
        }
        await accepting;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        stop.Dispose();
    }
}
