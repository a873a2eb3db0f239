using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Cotravail.Common.Auth;

/// The client's address, which rate limits and the audit log use: X-Forwarded-For is believed only
/// from the reverse proxies listed in Cotravail:KnownProxies (addresses or CIDR networks, as a list
/// or comma-separated); with none listed, the connection's own address is the client's.
internal static class ClientAddress
{
    public static IServiceCollection AddClientAddress(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((o, config) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The framework trusts loopback by default; here nothing is trusted unless configured.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var entry in KnownProxies(config))
            {
                if (entry.Contains('/', StringComparison.Ordinal))
                {
                    o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(entry));
                }
                else
                {
                    o.KnownProxies.Add(IPAddress.Parse(entry));
                }
            }
        });
        return services;
    }

    public static IEnumerable<string> KnownProxies(IConfiguration config)
    {
        var section = config.GetSection("Cotravail:KnownProxies");
        var values = section.Value is { } single ? [single] : section.GetChildren().Select(c => c.Value ?? "");
        return values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
