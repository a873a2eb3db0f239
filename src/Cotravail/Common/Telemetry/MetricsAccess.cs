using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Cotravail.Common.Telemetry;

/// Who may read /metrics: a scraper on this machine (the connection's own address is a loopback one and no
/// proxy forwarded the request), or one sending Cotravail:Metrics:Token as a bearer token. The address is the
/// one UseForwardedHeaders left: a forged X-Forwarded-For changes it only when it comes from a known proxy
/// (Cotravail:KnownProxies), and then to the client's address. A request bearing forwarding headers is never
/// taken for a local one: a reverse proxy on this machine that is not listed would otherwise pass the
/// public's requests from 127.0.0.1.
internal static class MetricsAccess
{
    public const string TokenSetting = "Cotravail:Metrics:Token";

    private static readonly string[] ForwardingHeaders = ["X-Forwarded-For", "X-Original-For", "Forwarded", "X-Real-IP"];

    public static bool Allows(HttpContext http, string? token)
    {
        if (!string.IsNullOrEmpty(token) && http.Request.Headers.Authorization.ToString() is { } header
            && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return CryptographicOperations.FixedTimeEquals(Hash(header["Bearer ".Length..].Trim()), Hash(token));
        }
        return http.Connection.RemoteIpAddress is { } remote
            && IPAddress.IsLoopback(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote)
            && !ForwardingHeaders.Any(h => http.Request.Headers.ContainsKey(h));
    }

    /// Compared as hashes: the same length whatever was sent, so the time taken tells nothing of the token.
    private static byte[] Hash(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));
}
