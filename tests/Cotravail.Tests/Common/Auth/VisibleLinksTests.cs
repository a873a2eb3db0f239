using AngleSharp.Html.Parser;
using Cotravail.Tests.Infrastructure;

namespace Cotravail.Tests.Common.Auth;

/// Navigation by role: nobody is shown a link that answers "access denied", "sign in first", "not found" or an
/// error. Each role of the authorization matrix's world walks the site from its start pages, following every
/// link of every page it reaches (menus, back-office tabs, lists, edit and detail links), and each link must
/// answer. One engine: links do not depend on it, and the matrix test covers what each route answers on both.
[Collection(SqliteCollection.Name)]
public sealed class VisibleLinksTests(SqliteTestApp app)
{
    /// Enough for every page kind of the matrix world; a path's query variants (a day, a page) are tried a few times.
    private const int MaxPages = 300, VariantsPerPath = 2;

    [Fact]
    public async Task No_role_is_shown_a_link_that_answers_denied_sign_in_not_found_or_an_error()
    {
        var world = await MatrixWorld.CreateAsync(app);
        var failures = new List<string>();
        var visited = 0;
        foreach (var role in Enum.GetValues<Role>())
        {
            var client = await world.ClientAsync(role, api: false);
            visited += await WalkAsync(client, role, failures);
        }
        failures.ShouldBeEmpty($"{visited} page loads over {Enum.GetValues<Role>().Length} roles");
        visited.ShouldBeGreaterThan(200, "the walk reached the site's pages");
    }

    private static async Task<int> WalkAsync(HttpClient client, Role role, List<string> failures)
    {
        var parser = new HtmlParser();
        var queue = new Queue<(string Url, string From)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var variants = new Dictionary<string, int>(StringComparer.Ordinal);
        string[] starts = role == Role.Anonymous ? ["/", "/offers"] : ["/", "/me", "/offers", "/book", "/admin"];
        foreach (var start in role is Role.Member or Role.CompanyAdmin ? starts.Where(s => s != "/admin") : starts)
        {
            queue.Enqueue((start, "(start)"));
            seen.Add(start);
        }
        var loads = 0;
        while (queue.Count > 0 && loads < MaxPages)
        {
            var (url, from) = queue.Dequeue();
            using var response = await client.GetAsync(url);
            loads++;
            var status = (int)response.StatusCode;
            var location = response.Headers.Location?.OriginalString ?? "";
            if (status is 403 or 404 or >= 500)
            {
                failures.Add($"{role}: {from} links to {url}, which answers {status}");
                continue;
            }
            if (status is 301 or 302 or 303 or 307 or 308)
            {
                if (location.Contains("/account/denied", StringComparison.Ordinal))
                {
                    failures.Add($"{role}: {from} links to {url}, which answers access denied");
                }
                else if (role != Role.Anonymous && location.Contains("/account/sign-in", StringComparison.Ordinal))
                {
                    failures.Add($"{role}: {from} links to {url}, which asks to sign in");
                }
                else
                {
                    Enqueue(queue, seen, variants, location, url);
                }
                continue;
            }
            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue; // a PDF, a calendar, JSON: answered, nothing to follow
            }
            var page = parser.ParseDocument(await response.Content.ReadAsStringAsync());
            foreach (var link in page.QuerySelectorAll("a[href]"))
            {
                Enqueue(queue, seen, variants, link.GetAttribute("href")!, url);
            }
        }
        return loads;
    }

    private static void Enqueue(Queue<(string, string)> queue, HashSet<string> seen, Dictionary<string, int> variants, string href, string from)
    {
        // ("/x" is an absolute file URI on Unix: only http(s) addresses are another site's or our own absolute ones)
        if (!href.StartsWith('/') && Uri.TryCreate(href, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            if (absolute.Host != "localhost")
            {
                return; // another site (a map, a calendar service)
            }
            href = absolute.PathAndQuery;
        }
        var url = href.Split('#')[0];
        if (url.Length == 0 || !url.StartsWith('/') || url.StartsWith("//", StringComparison.Ordinal) || url.StartsWith("/account/sign-out", StringComparison.Ordinal)
            || !seen.Add(url))
        {
            return;
        }
        var path = url.Split('?')[0];
        variants[path] = variants.GetValueOrDefault(path) + 1;
        if (variants[path] <= VariantsPerPath)
        {
            queue.Enqueue((url, from));
        }
    }
}
