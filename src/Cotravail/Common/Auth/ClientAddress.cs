using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Cotravail.Common.Auth;

/// The client's address, which rate limits and the audit log use: X-Forwarded-For is believed only
/// from the reverse proxies listed in Cotravail:KnownProxies (addresses or CIDR networks, as a list
/// or comma-separated); with none listed, the connection's own address is the client's, whatever else asks
/// for forwarded headers (the framework's ASPNETCORE_FORWARDEDHEADERS_ENABLED trusts every sender).
internal static class ClientAddress
{
    /// The framework's switch (ASPNETCORE_FORWARDEDHEADERS_ENABLED), which would trust any sender's headers.
    public const string FrameworkSwitch = "FORWARDEDHEADERS_ENABLED";

    public static IServiceCollection AddClientAddress(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((o, config) =>
        {
            // Both lists empty would make the middleware trust every sender: with no proxy listed it reads nothing.
            var proxies = KnownProxies(config).ToList();
            o.ForwardedHeaders = proxies.Count == 0 ? ForwardedHeaders.None : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var entry in proxies)
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

    /// In Production, forwarded headers asked for without a proxy to believe them from stop the start: the
    /// operator meant to run behind a proxy, and every client address would otherwise be the proxy's.
    public static void CheckForwarding(IConfiguration config, IHostEnvironment environment, ILogger logger)
    {
        if (!config.GetValue<bool>(FrameworkSwitch) || KnownProxies(config).Any())
        {
            return;
        }
        const string problem = "Forwarded headers are enabled (ASPNETCORE_FORWARDEDHEADERS_ENABLED) but Cotravail:KnownProxies lists no proxy";
        if (environment.IsProduction())
        {
            throw new InvalidOperationException(problem + ": list the reverse proxies' addresses or networks in Cotravail:KnownProxies.");
        }
        logger.LogWarning("{Problem}: X-Forwarded-For and X-Forwarded-Proto are ignored.", problem);
    }

    public static IEnumerable<string> KnownProxies(IConfiguration config)
    {
        var section = config.GetSection("Cotravail:KnownProxies");
        var values = section.Value is { } single ? [single] : section.GetChildren().Select(c => c.Value ?? "");
        return values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
