namespace Cotravail.Common.Web;

/// A first set of protective headers; the accounts-and-security issue hardens them further.
internal static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((http, next) =>
        {
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            if (!http.Request.Path.StartsWithSegments("/api/docs"))
            {
                headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: https:; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";
            }
            headers.XFrameOptions = "DENY";
            return next(http);
        });
}
