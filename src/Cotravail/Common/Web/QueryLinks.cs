using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;

namespace Cotravail.Common.Web;

/// Links that keep the current filters and change one thing (sort, page).
internal static class QueryLinks
{
    public static string With(this HttpRequest request, string key, string? value)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value)
            .Where(q => !string.Equals(q.Key, key, StringComparison.OrdinalIgnoreCase) && !string.Equals(q.Key, "page", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(q => q.Key, q => q.Value.ToString());
        if (!string.IsNullOrEmpty(value))
        {
            query[key] = value;
        }
        var builder = new QueryBuilder(query);
        return request.Path + builder.ToQueryString().Value;
    }

    /// The sort link for a column: ascending first, then descending.
    public static string SortLink(this HttpRequest request, string column)
    {
        var current = request.Query["sort"].ToString();
        return request.With("sort", current == column ? "-" + column : column);
    }

    public static string PageLink(this HttpRequest request, int page)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value)
            .Where(q => !string.Equals(q.Key, "page", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(q => q.Key, q => q.Value.ToString());
        query["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return request.Path + new QueryBuilder(query).ToQueryString().Value;
    }
}
