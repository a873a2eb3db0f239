using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Localization;
using Cotravail.Common.Database;
using Cotravail.Common.Localization;
using Cotravail.Common.Web;

namespace Cotravail.Common.Errors;

/// Unreadable request bodies become 400 problem details naming the field; a database outage is a 503 with
/// Retry-After; anything else is a bug: logged, and answered with a 500 problem that reveals nothing.
/// API or page is decided on the original path: the middleware has already rewritten it to /error.
internal sealed partial class ExceptionHandling(ILogger<ExceptionHandling> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        var l = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var path = new PathString(http.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? http.Request.Path);
        var api = path.StartsWithSegments("/api");
        if (exception is BadHttpRequestException bad)
        {
            if (bad.StatusCode != StatusCodes.Status400BadRequest)
            {
                await TypedResults.Problem(statusCode: bad.StatusCode, title: l["The request could not be read."], detail: l["The request is too large or malformed."]).ExecuteAsync(http);
                return true;
            }
            var field = FindJsonPath(bad);
            var message = Chain(bad).Any(e => e is InputTextException)
                ? l[InputText.NotAllowedMessage, field]
                : l["The value could not be read: check its type and format."];
            var errors = new Dictionary<string, string[]> { [field] = [message] };
            await TypedResults.ValidationProblem(errors, title: l["The request could not be read."]).ExecuteAsync(http);
            return true;
        }
        if (UniqueViolation.Matches(exception))
        {
            // Two requests raced past the application's own check; the database kept its promise.
            await TypedResults.Problem(statusCode: 409, title: l["Conflict."], detail: l["This value is already in use."]).ExecuteAsync(http);
            return true;
        }
        if (DatabaseOutage.Matches(exception))
        {
            logger.LogWarning(exception, "The database is unreachable on {Method} {Path}", http.Request.Method, path);
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            http.Response.Headers.RetryAfter = ((int)DatabaseOutage.RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!api)
            {
                return false; // the error page explains the 503 in the person's language
            }
            await TypedResults.Problem(statusCode: 503, title: l["The service is temporarily unavailable."],
                detail: l["The database cannot be reached. Please try again in a few seconds."]).ExecuteAsync(http);
            return true;
        }
        logger.LogError(exception, "Unhandled error on {Method} {Path}", http.Request.Method, path);
        if (!api)
        {
            return false; // the UI's error page
        }
        await TypedResults.Problem(statusCode: 500, title: l["An unexpected error occurred."]).ExecuteAsync(http);
        return true;
    }

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }

    /// The JSON path of a body that did not deserialize, or the name of a query or route value that did not bind.
    private static string FindJsonPath(BadHttpRequestException exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is JsonException { Path: { } path })
            {
                return path.TrimStart('$', '.');
            }
        }
        var parameter = ParameterName().Match(exception.Message);
        return parameter.Success ? ErrorMapping.JsonName(parameter.Groups[1].Value) : "";
    }

    [GeneratedRegex("""parameter "[^"]*? (\w+)" from""")]
    private static partial Regex ParameterName();
}
