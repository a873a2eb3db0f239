using System.Net;
using System.Net.Sockets;
using System.Text;
using Cotravail.Tests.Infrastructure;
using Cotravail.Tests.Modules.Billing;

namespace Cotravail.Tests.Common.Web;

/// SIGTERM lets the request in flight finish, then the host and its background jobs stop, and the process
/// exits 0 within Cotravail:ShutdownTimeout. One engine: the host's shutdown does not depend on it.
[Collection(SqliteCollection.Name)]
public sealed class GracefulShutdownTests(SqliteTestApp app)
{
    [Fact]
    public async Task Sigterm_lets_the_request_in_flight_finish_and_the_process_exits_0_within_the_timeout()
    {
        await using var scratch = await app.CreateScratchDatabaseAsync();
        var data = Directory.CreateTempSubdirectory("cotravail-shutdown-").FullName;
        try
        {
            await using var server = await AppProcess.StartAsync(scratch, data, seedDemo: false, settings: new Dictionary<string, string>
            {
                ["Cotravail__ShutdownTimeout"] = "00:00:20",
                // The background jobs run, so the test sees them stop on the stopping token too.
                ["Cotravail__Outbox__Send"] = "true",
                ["Cotravail__Outbox__PollInterval"] = "00:00:01",
            });
            var halfSent = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var rest = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var body = Encoding.UTF8.GetBytes("""{"email":"nobody@cotravail.test","password":"not the password at all"}""");
            using var content = new SlowContent(body, halfSent, rest.Task);
            content.Headers.ContentType = new("application/json");
            var request = server.Client.PostAsync("/api/v1/auth/token", content);
            await halfSent.Task.WaitAsync(TimeSpan.FromSeconds(10));

            await server.TerminateAsync();
            await WaitUntilRefusedAsync(server.Client.BaseAddress!.Port);
            rest.SetResult();
            using var response = await request.WaitAsync(TimeSpan.FromSeconds(15));
            var exitCode = await server.WaitForExitAsync(TimeSpan.FromSeconds(20));

            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, "the request sent before SIGTERM got its real answer");
            exitCode.ShouldBe(0);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    /// The host has begun stopping: it no longer accepts connections.
    private static async Task WaitUntilRefusedAsync(int port)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            using var probe = new TcpClient();
            try
            {
                await probe.ConnectAsync(IPAddress.Loopback, port);
            }
            catch (SocketException)
            {
                return;
            }
            await Task.Delay(50);
        }
        throw new InvalidOperationException("The server still accepts connections 10 s after SIGTERM.");
    }

    /// Sends the first half of the body, then waits for the signal to send the rest: a request in flight.
    private sealed class SlowContent(byte[] body, TaskCompletionSource halfSent, Task rest) : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var half = body.Length / 2;
            await stream.WriteAsync(body.AsMemory(0, half));
            await stream.FlushAsync();
            halfSent.TrySetResult();
            await rest;
            await stream.WriteAsync(body.AsMemory(half));
        }

        protected override bool TryComputeLength(out long length)
        {
            length = body.Length;
            return true;
        }
    }
}
