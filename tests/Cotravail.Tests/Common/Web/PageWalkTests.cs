using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Cotravail.Modules.Demo;
using Cotravail.Tests.Common.Auth;
using Cotravail.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Cotravail.Tests.Common.Web;

/// One walk, in French, on an app of its own: every GET route (pages and API) as each kind of account, every page
/// without parameters as the demo accounts (who see the demo network's records), and each page form with a text
/// field posted empty once. The tests then read what the walk saw.
public abstract class PageWalk : IAsyncLifetime
{
    private static readonly Role[] Roles = [Role.Anonymous, Role.Member, Role.CompanyAdmin, Role.Manager, Role.NetworkAdmin];

    private readonly HtmlParser parser = new();
    private TestApp? app;

    internal QueryWarnings Warnings { get; } = new();

    /// Each French page (and each form answer) the walk received, by where it came from.
    public List<(string Where, IDocument Doc)> Pages { get; } = [];

    public int Requests { get; private set; }

    public string Engine => app!.Engine.ToString();

    private protected abstract TestApp NewApp(QueryWarnings warnings);

    public async Task InitializeAsync()
    {
        app = NewApp(Warnings);
        await ((IAsyncLifetime)app).InitializeAsync();
        var world = await MatrixWorld.CreateAsync(app);
        var gets = AuthorizationMatrixTests.Routes(app).Where(r => r.StartsWith("GET ", StringComparison.Ordinal)).ToList();
        var walkedForms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var route in gets)
        {
            var rule = AuthorizationRules.All[route];
            var template = route["GET ".Length..];
            var api = template.StartsWith("/api/", StringComparison.Ordinal);
            var fresh = rule.FreshId is null ? (Guid?)null : await rule.FreshId(world, Scope.Own);
            var url = AuthorizationMatrixTests.Fill(world, template, Scope.Own, fresh) + (rule.Query?.Invoke(world, Scope.Own) ?? "");
            foreach (var role in Roles.Where(r => !api || r != Role.Anonymous))
            {
                await VisitAsync(await world.ClientAsync(role, api), url, $"{route} as {role}", walkedForms);
            }
        }
        var pages = gets.Select(r => r["GET ".Length..]).Where(t => !t.StartsWith("/api/", StringComparison.Ordinal) && !t.Contains('{', StringComparison.Ordinal)).ToList();
        foreach (var email in new[] { DemoAccounts.Member, DemoAccounts.ParisManager, DemoAccounts.NetworkAdmin })
        {
            using var client = await app.BrowserClientAsync(email);
            foreach (var page in pages)
            {
                await VisitAsync(client, page, $"GET {page} as {email}", walkedForms);
            }
        }
    }

    private async Task VisitAsync(HttpClient client, string url, string where, HashSet<string> walkedForms)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptLanguage.ParseAdd("fr-FR");
        using var response = await client.SendAsync(request);
        Requests++;
        if (response.Content.Headers.ContentType?.MediaType != "text/html")
        {
            return;
        }
        var doc = parser.ParseDocument(await response.Content.ReadAsStringAsync());
        Pages.Add((where, doc));
        foreach (var form in doc.QuerySelectorAll("form[method=post]"))
        {
            var action = System.Net.WebUtility.HtmlDecode(form.GetAttribute("action") ?? "");
            var target = action.Length == 0 ? url : action;
            var texts = form.QuerySelectorAll("input[name], textarea[name]")
                .Where(e => (e.GetAttribute("type")?.ToLowerInvariant() ?? "text") is "text" or "email" or "password" or "number" or "date" or "time" or "tel" or "url" or "search" || e.LocalName == "textarea")
                .ToList();
            if (texts.Count == 0 || target.Contains("sign-out", StringComparison.OrdinalIgnoreCase) || target.StartsWith("http", StringComparison.Ordinal)
                || !walkedForms.Add($"{where.Split(" as ")[1]} {target.Split('?')[0]}"))
            {
                continue; // buttons alone act (cancel, erase); signing out would end the walk
            }
            // The form as shown, its text fields emptied: the page answers with its messages.
            var fields = form.QuerySelectorAll("input[name], select[name], textarea[name]")
                .Where(e => (e.GetAttribute("type")?.ToLowerInvariant() ?? "") is not ("submit" or "button" or "file" or "checkbox" or "radio"))
                .Select(e => (Name: e.GetAttribute("name")!, Value: texts.Contains(e) ? ""
                    : e.LocalName == "select" ? (e.QuerySelector("option[selected]") ?? e.QuerySelector("option"))?.GetAttribute("value") ?? "" : e.GetAttribute("value") ?? ""));
            var body = string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Name) + "=" + Uri.EscapeDataString(f.Value)));
            using var post = new HttpRequestMessage(HttpMethod.Post, target) { Content = new StringContent(body, Encoding.UTF8) };
            post.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
            post.Headers.AcceptLanguage.ParseAdd("fr-FR");
            using var answer = await client.SendAsync(post);
            Requests++;
            if (answer.Content.Headers.ContentType?.MediaType == "text/html")
            {
                Pages.Add(($"POST {target} (text fields empty) from {where}", parser.ParseDocument(await answer.Content.ReadAsStringAsync())));
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }
}

public sealed class SqlitePageWalk : PageWalk
{
    private protected override TestApp NewApp(QueryWarnings warnings) => new SqliteTestApp { ExtraServices = warnings.AddTo };
}

public sealed class PostgresPageWalk : PageWalk
{
    private protected override TestApp NewApp(QueryWarnings warnings) => new PostgresTestApp { ExtraServices = warnings.AddTo };
}

public abstract partial class PageWalkTests(PageWalk walk, ITestOutputHelper output)
{
    /// What would mean an English text in a French page: ASP.NET's defaults ("The X field is required.") and ours.
    private static readonly string[] EnglishWords =
        [" is required", " must ", " field ", "The field", "The value", " is not valid", " is invalid", " characters", "Please ", " between "];

    /// EF Core warnings (several collections without a splitting behaviour, First without OrderBy nor filter,
    /// Skip/Take without OrderBy) filled the Development console on ordinary pages.
    [Fact]
    public void No_page_and_no_read_compiles_a_query_that_EF_warns_about()
    {
        output.WriteLine($"Report: page walk on {walk.Engine}: {walk.Requests} requests, {walk.Warnings.Found.Count} query warnings.");
        walk.Warnings.Found.ShouldBeEmpty("queries EF warns about: order them (OrderBy, or Single by key) or choose how to split them");
    }

    /// The client-side messages (data-val-*) and the server's messages of every page are French when the page is.
    [Fact]
    public void Every_validation_message_of_a_French_page_is_French()
    {
        var english = new List<string>();
        foreach (var (where, doc) in walk.Pages)
        {
            var messages = doc.All.SelectMany(e => e.Attributes.Where(a => MessageAttribute().IsMatch(a.Name)).Select(a => $"{a.Name}=\"{a.Value}\""))
                .Concat(doc.QuerySelectorAll(".field-validation-error, .validation-summary-errors, .field-error, [role=alert]").Select(e => e.TextContent.Trim()));
            english.AddRange(messages.Where(m => EnglishWords.Any(w => m.Contains(w, StringComparison.Ordinal))).Select(m => $"{where}: {m}"));
        }
        output.WriteLine($"Report: {walk.Pages.Count} French pages and form answers read on {walk.Engine}, {english.Count} English messages.");
        // The case of issue 16: ASP.NET's implicit [Required] of a bool wrote "The RememberMe field is required.".
        var signIn = walk.Pages.First(p => p.Where == "GET /account/sign-in as Anonymous").Doc;
        signIn.QuerySelector("input[name='Input.RememberMe']").ShouldNotBeNull().GetAttribute("data-val-required").ShouldBe("Ce champ est obligatoire.");
        english.Distinct().Take(50).ShouldBeEmpty("messages in English on French pages (translate them in tools/fr-*.tsv, or give the attribute a message key)");
    }

    /// data-val-required, data-val-length… (a message) but not data-val-length-max (a parameter).
    [GeneratedRegex("^data-val-[a-z]+$")]
    private static partial Regex MessageAttribute();
}

[Collection("page walk sqlite")]
public sealed class PageWalkTests_Sqlite(SqlitePageWalk walk, ITestOutputHelper output) : PageWalkTests(walk, output), IClassFixture<SqlitePageWalk>;

[Collection("page walk postgres")]
public sealed class PageWalkTests_Postgres(PostgresPageWalk walk, ITestOutputHelper output) : PageWalkTests(walk, output), IClassFixture<PostgresPageWalk>;
