using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Cotravail.Common.Localization;

namespace Cotravail.Common.Errors;

/// The one place where expected errors become HTTP answers or form messages.
internal static class ErrorMapping
{
    public static IResult ToProblem(this Error error, HttpContext http)
    {
        var l = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        return error switch
        {
            NotFound nf => TypedResults.Problem(statusCode: 404, title: l["Not found."], detail: l["{0} was not found.", l[nf.What]]),
            Forbidden => TypedResults.Problem(statusCode: 403, title: l["You are not allowed to do this."]),
            Invalid i => TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [JsonName(i.Field)] = [l[i.Reason]] }, title: l["The request has invalid fields."]),
            Conflict c => TypedResults.Problem(statusCode: 409, title: l["Conflict."], detail: l[c.Reason],
                extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [JsonName(c.Field)] = [l[c.Reason]] } }),
            _ => TypedResults.Problem(statusCode: 400, title: l[error.Message]),
        };
    }

    /// Puts the error next to its field (or at the top of the form); the page keeps what was typed.
    public static void AddTo(this Error error, ModelStateDictionary modelState, IStringLocalizer l, string prefix = "Input")
    {
        var (field, message) = error switch
        {
            Invalid i => (i.Field, i.Reason),
            Conflict c => (c.Field, c.Reason),
            NotFound nf => ("", l["{0} was not found.", l[nf.What]].Value),
            _ => ("", error.Message),
        };
        modelState.AddModelError(field.Length == 0 ? "" : $"{prefix}.{field}", l[message]);
    }

    public static string JsonName(string field) =>
        field.Length == 0 ? field : char.ToLowerInvariant(field[0]) + field[1..];
}

internal static class ResultHttp
{
    public static IResult ToHttp<T>(this Result<T> result, HttpContext http, Func<T, IResult>? onOk = null) =>
        result.IsOk ? onOk?.Invoke(result.Value) ?? TypedResults.Ok(result.Value) : result.Error.ToProblem(http);
}
