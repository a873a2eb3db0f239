namespace Cotravail.Common.Email;

/// Absolute links for emails. Cotravail:PublicUrl (e.g. https://cowork.example) is used when set,
/// so a forged Host header cannot put another site in a password-reset email; else the request's own.
internal sealed class SiteLinks(IConfiguration configuration, IHttpContextAccessor http)
{
    public string Absolute(string pathAndQuery)
    {
        var configured = configuration["Cotravail:PublicUrl"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.TrimEnd('/') + pathAndQuery;
        }
        var request = http.HttpContext?.Request;
        return request is null ? "http://localhost" + pathAndQuery : $"{request.Scheme}://{request.Host}{request.PathBase}{pathAndQuery}";
    }
}
