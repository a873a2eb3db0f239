using System.Text;
using Cotravail.Common.Errors;
using Cotravail.Common.Localization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Localization;

namespace Cotravail.Common.Web;

/// The edge of every request, before anything reads it (the rate limiter reads forms): a path or query value
/// that InputText refuses is a 400 (problem details naming the parameter, or the error page); a NUL in a form,
/// which the framework's form reader cannot decode at all, becomes U+FFFD so the page's binder refuses the field
/// and redisplays the form; a redirect to a non-ASCII address is percent-encoded instead of breaking the header.
internal static class RequestText
{
    private static readonly byte[] EncodedNul = "%00"u8.ToArray();

    public static IApplicationBuilder UseRequestText(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                EncodeLocation(http.Response);
                return Task.CompletedTask;
            });
            if (http.Features.Get<IStatusCodeReExecuteFeature>() is null && BadParameter(http.Request) is { } parameter)
            {
                await RefuseAsync(http, parameter);
                return;
            }
            if (http.Request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
            {
                await MakeFormReadableAsync(http.Request);
            }
            await next(http);
        });

    private static string? BadParameter(HttpRequest request)
    {
        if (!InputText.IsClean(request.Path.Value ?? ""))
        {
            return "path";
        }
        foreach (var (key, values) in request.Query)
        {
            if (!InputText.IsClean(key) || values.Any(v => v is not null && !InputText.IsClean(v)))
            {
                return key;
            }
        }
        return null;
    }

    private static async Task RefuseAsync(HttpContext http, string parameter)
    {
        if (!http.Request.Path.StartsWithSegments("/api"))
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest; // the error page explains
            return;
        }
        var l = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var field = parameter == "path" ? "path" : ErrorMapping.JsonName(parameter);
        var errors = new Dictionary<string, string[]> { [field] = [l[InputText.NotAllowedMessage, field]] };
        await TypedResults.ValidationProblem(errors, title: l["The request has invalid fields."]).ExecuteAsync(http);
    }

    private static async Task MakeFormReadableAsync(HttpRequest request)
    {
        if (request.ContentLength > RequestLimits.DefaultBodyBytes)
        {
            return; // RequestLimits answers 413
        }
        request.EnableBuffering();
        using var copy = new MemoryStream();
        await request.Body.CopyToAsync(copy, request.HttpContext.RequestAborted);
        var body = copy.ToArray();
        if (body.AsSpan().IndexOf(EncodedNul) < 0 && body.AsSpan().IndexOf((byte)0) < 0)
        {
            request.Body.Position = 0;
            return;
        }
        const string replacement = "%EF%BF%BD"; // U+FFFD, which InputText refuses
        var readable = Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(body)
            .Replace("%00", replacement, StringComparison.Ordinal)
            .Replace("\0", replacement, StringComparison.Ordinal));
        request.Body = new MemoryStream(readable);
        request.ContentLength = readable.Length;
    }

    private static void EncodeLocation(HttpResponse response)
    {
        var location = response.Headers.Location.ToString();
        if (location.Length == 0 || location.All(c => c is > ' ' and < '\u007F'))
        {
            return;
        }
        var encoded = new StringBuilder(location.Length * 3);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in location.EnumerateRunes())
        {
            if (rune.Value is > ' ' and < 0x7F)
            {
                encoded.Append((char)rune.Value);
                continue;
            }
            var length = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..length])
            {
                encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        response.Headers.Location = encoded.ToString();
    }
}
