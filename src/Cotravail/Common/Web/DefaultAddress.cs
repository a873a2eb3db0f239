namespace Cotravail.Common.Web;

/// Where the server listens when nobody said: http://localhost:5080. Any address given the platform's ways wins —
/// ASPNETCORE_URLS or DOTNET_URLS, ASPNETCORE_HTTP_PORTS or ASPNETCORE_HTTPS_PORTS (set by container images),
/// --urls, or Urls in the settings — so a service manager or a container decides, as ASP.NET documents.
internal static class DefaultAddress
{
    public const string Url = "http://localhost:5080";

    /// The default to apply, or null when the configuration names addresses or ports.
    public static string? For(IConfiguration configuration) =>
        new[] { "urls", "http_ports", "https_ports" }.Any(key => !string.IsNullOrWhiteSpace(configuration[key])) ? null : Url;
}
