using System.IO.Compression;
using System.Text;
using AngleSharp.Html.Parser;
using Cotravail.Tests.Common.Auth;
using Cotravail.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Cotravail.Tests.Common.Web;

/// Issue 14: each page ships at most 60 KB of JavaScript and 40 KB of CSS, compressed. A representative page
/// of each kind is rendered for the roles that see it; every script and style sheet it loads (and its inline
/// script and style) is fetched from the app and gzipped at the optimal level, one by one, and summed per page.
/// One engine: the assets do not depend on it.
[Collection(SqliteCollection.Name)]
public sealed class AssetBudgetTests(SqliteTestApp app, ITestOutputHelper output)
{
    public const int JsBudget = 60 * 1024, CssBudget = 40 * 1024;

    [Fact]
    public async Task Each_page_ships_at_most_60_KB_of_javascript_and_40_KB_of_css_compressed()
    {
        var world = await MatrixWorld.CreateAsync(app);
        var slug = world.Slugs.Own;
        var day = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        (Role Role, string Url)[] pages =
        [
            (Role.Anonymous, "/"),
            (Role.Anonymous, "/account/sign-in"),
            (Role.Anonymous, $"/locations/{slug}"),
            (Role.Anonymous, "/design"),
            (Role.Member, "/"),
            (Role.Member, "/book"),
            (Role.Member, $"/locations/{slug}"),
            (Role.Member, $"/locations/{slug}/timeline?date={day}"),
            (Role.Member, "/me/bookings"),
            (Role.Host, $"/locations/{slug}/timeline?date={day}"),
            (Role.Manager, "/admin"),
            (Role.Manager, $"/locations/{slug}/timeline?view=week&date={day}"),
            (Role.NetworkAdmin, "/admin"),
            (Role.NetworkAdmin, "/book"),
            (Role.NetworkAdmin, "/design"),
        ];

        var sizes = new Dictionary<string, int>(StringComparer.Ordinal); // an asset's compressed size, fetched once
        var over = new List<string>();
        foreach (var (role, url) in pages)
        {
            var client = await world.ClientAsync(role, api: false);
            var (js, css) = await MeasureAsync(client, url, sizes);
            var line = $"{role} {url}: {Kb(js)} JS, {Kb(css)} CSS (gzip)";
            output.WriteLine(line);
            if (js > JsBudget || css > CssBudget)
            {
                over.Add($"{line}, over the budget of {Kb(JsBudget)} JS and {Kb(CssBudget)} CSS");
            }
        }
        sizes.Keys.ShouldContain(src => src.StartsWith("/css/site.css", StringComparison.Ordinal), "the layout's style sheet was found and measured");
        sizes.Keys.ShouldContain(src => src.StartsWith("/js/site.js", StringComparison.Ordinal), "the layout's script was found and measured");
        over.ShouldBeEmpty();
    }

    /// The page's compressed JavaScript and CSS in bytes: its script and style sheet files, and its inline ones.
    private static async Task<(int Js, int Css)> MeasureAsync(HttpClient client, string url, Dictionary<string, int> sizes)
    {
        using var response = await client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue($"GET {url} answered {(int)response.StatusCode}");
        var doc = new HtmlParser().ParseDocument(html);
        var (js, css) = (0, 0);
        foreach (var script in doc.QuerySelectorAll("script"))
        {
            var type = script.GetAttribute("type");
            if (type is not (null or "" or "module" or "text/javascript"))
            {
                continue; // data (application/json, ld+json), not code
            }
            js += script.GetAttribute("src") is { Length: > 0 } src ? await AssetAsync(client, src, url, sizes) : Gzipped(Encoding.UTF8.GetBytes(script.TextContent));
        }
        foreach (var link in doc.QuerySelectorAll("link[href]").Where(l => (l.GetAttribute("rel") ?? "").Split(' ').Contains("stylesheet", StringComparer.OrdinalIgnoreCase)))
        {
            css += await AssetAsync(client, link.GetAttribute("href")!, url, sizes);
        }
        foreach (var style in doc.QuerySelectorAll("style"))
        {
            css += Gzipped(Encoding.UTF8.GetBytes(style.TextContent));
        }
        return (js, css);
    }

    private static async Task<int> AssetAsync(HttpClient client, string src, string page, Dictionary<string, int> sizes)
    {
        src.ShouldStartWith("/", customMessage: $"{page} loads {src} from another site");
        if (!sizes.TryGetValue(src, out var size))
        {
            using var response = await client.GetAsync(src);
            response.IsSuccessStatusCode.ShouldBeTrue($"{page} loads {src}, which answers {(int)response.StatusCode}");
            sizes[src] = size = Gzipped(await response.Content.ReadAsByteArrayAsync());
        }
        return size;
    }

    private static int Gzipped(byte[] content)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(content);
        }
        return (int)compressed.Length;
    }

    private static string Kb(int bytes) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KB");
}
