using Cotravail.Common.Localization;
using Microsoft.Extensions.Localization;

namespace Cotravail.Common.Errors;

/// A conflict that names what clashes (the dates of occurrences, the future bookings of a location):
/// 409 problem details with the field's message and the list under "conflicts". Count fills {0}.
internal sealed record ListedConflict(string Field, string Reason, IReadOnlyList<string> Items, int Count = 0) : Error(Reason);

internal static class ListedConflictHttp
{
    public static IResult ToHttpListing<T>(this Result<T> result, HttpContext http) =>
        result.IsOk || result.Error is not ListedConflict c ? result.ToHttp(http) : c.ToProblem(http);

    public static IResult ToProblem(this ListedConflict c, HttpContext http)
    {
        var l = http.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        var message = l[c.Reason, c.Count].Value;
        return TypedResults.Problem(statusCode: 409, title: l["Conflict."], detail: message, extensions: new Dictionary<string, object?>
        {
            ["errors"] = new Dictionary<string, string[]> { [ErrorMapping.JsonName(c.Field)] = [message] },
            ["conflicts"] = c.Items,
            ["count"] = c.Count,
        });
    }
}
