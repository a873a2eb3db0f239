using Cotravail.Common.Localization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Localization;

namespace Cotravail.Common.Web;

/// Bounds what a request may send (ASVS V4.1, V5.2): 1 MB bodies unless an endpoint says more
/// (RequestSizeLimit metadata, e.g. photo uploads); too large is a 413, never a crash.
internal static class RequestLimits
{
    public const long DefaultBodyBytes = 1024 * 1024;

    /// The largest limit any endpoint declares; Kestrel refuses anything above it outright.
    public const long LargestBodyBytes = 6 * 1024 * 1024;

    public static IServiceCollection AddRequestLimits(this IServiceCollection services)
    {
        services.Configure<KestrelServerOptions>(o =>
        {
            o.Limits.MaxRequestBodySize = LargestBodyBytes;
            o.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            o.Limits.MaxRequestLineSize = 8 * 1024;
        });
        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        services.Configure<FormOptions>(o =>
        {
            o.MultipartBodyLengthLimit = LargestBodyBytes;
            o.ValueLengthLimit = 64 * 1024;
            o.ValueCountLimit = 1024;
            o.KeyLengthLimit = 1024;
        });
        return services;
    }

    /// After routing, so the endpoint's own limit is known.
    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            var limit = http.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? DefaultBodyBytes;
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = limit; // Kestrel also stops chunked bodies at the limit
            }
            // The re-executed error page sees the same request headers; it does not read the body.
            if (http.Request.ContentLength > limit && http.Features.Get<IStatusCodeReExecuteFeature>() is null)
            {
                await TooLargeAsync(http, limit);
                return;
            }
            await next(http);
        });

    private static async Task TooLargeAsync(HttpContext http, long? limit)
    {
        var l = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: l["The request is too large."],
                detail: l["At most {0} MB may be sent here.", (limit ?? 0) / (1024 * 1024)]).ExecuteAsync(http);
            return;
        }
        http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge; // the error page explains
    }
}
