using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Localization;
using Cotravail.Common.Database;
using Cotravail.Common.Localization;
using Cotravail.Common.Web;

namespace Cotravail.Common.Errors;

/// Unreadable request bodies become 400 problem details naming the field; anything else is a bug:
/// logged, and answered with a 500 problem that reveals nothing.
internal sealed partial class ExceptionHandling(ILogger<ExceptionHandling> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        var l = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
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
        logger.LogError(exception, "Unhandled error on {Method} {Path}", http.Request.Method, http.Request.Path);
        if (!http.Request.Path.StartsWithSegments("/api"))
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
