using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Modules.Demo;
using Cotravail.Tests.Infrastructure;

namespace Cotravail.Tests.Common.Web;

/// Every free-text field of locations, resources, members and companies holds each payload of the
/// corpus, stored through the API; every page that shows them must leave them inert.
public abstract class FreeTextTests(TestApp app)
{
    private static string Fit(string payload, int length) => payload.Length <= length ? payload : payload[..length];

    private static async Task<Guid> CreatedIdAsync(HttpResponseMessage response, string what)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Created, $"{what}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task Stored_payloads_are_shown_escaped_on_every_page_that_shows_them()
    {
        var api = await app.ClientForAsync(DemoAccounts.NetworkAdmin);
        var run = Guid.NewGuid().ToString("N")[..8];
        var pages = new List<(string Url, string Payload)>();
        var locations = new List<Guid>();
        try
        {
            for (var i = 0; i < XssCorpus.Payloads.Count; i++)
            {
                var p = XssCorpus.Payloads[i];
                var slug = $"xss-{run}-{i}";
                var location = await CreatedIdAsync(await api.PostAsJsonAsync("/api/v1/locations", new
                {
                    name = Fit(p, 200),
                    slug,
                    street = Fit(p, 300),
                    postalCode = Fit(p, 20),
                    city = Fit(p, 100),
                    countryCode = "FR",
                    timeZone = "Europe/Paris",
                    currency = "EUR",
                    description = $"{p}\n\n{p}",
                    closedDays = new[] { new { date = "2099-12-25", reason = Fit(p, 200) } },
                    vatRates = new[] { new { label = Fit(p, 50), percent = 20 } },
                }), "location");
                locations.Add(location);
                var resource = await CreatedIdAsync(await api.PostAsJsonAsync("/api/v1/resources", new
                {
                    locationId = location,
                    name = Fit(p, 200),
                    kind = "MeetingRoom",
                    capacity = 4,
                    description = p,
                    memberHourly = 10m,
                }), "resource");
                var member = await CreatedIdAsync(await api.PostAsJsonAsync("/api/v1/members", new
                {
                    firstName = Fit(p, 100),
                    lastName = Fit(p, 100),
                    email = TestApp.NewEmail("xss"),
                    category = "Freelancer",
                    homeLocationId = location,
                }), "member");
                var company = await CreatedIdAsync(await api.PostAsJsonAsync("/api/v1/companies", new
                {
                    legalName = Fit(p, 200),
                    street = Fit(p, 300),
                    postalCode = Fit(p, 20),
                    city = Fit(p, 100),
                    countryCode = "FR",
                    billingContactName = Fit(p, 200),
                    billingEmail = "billing@example.com",
                }), "company");
                (await api.PostAsync($"/api/v1/members/{member}/deactivate", null)).StatusCode.ShouldBe(HttpStatusCode.OK); // puts the name in the audit log
                pages.AddRange([
                    ($"/locations/{slug}", p),
                    ($"/admin/locations/edit/{location}", p),
                    ($"/admin/resources/edit/{resource}", p),
                    ($"/admin/members/edit/{member}", Fit(p, 100)),
                    ($"/admin/companies/edit/{company}", Fit(p, 200)),
                    ($"/admin/audit?targetId={member}", Fit(p, 100)),
                ]);
            }
            pages.AddRange([
                ("/", ""),
                ($"/admin/locations?search=&pageSize=100", ""),
                ($"/admin/resources?pageSize=100", ""),
                ($"/admin/members?pageSize=100&active=false", ""),
                ($"/admin/companies?pageSize=100", ""),
            ]);

            using var browser = await app.BrowserClientAsync(DemoAccounts.NetworkAdmin);
            foreach (var (url, payload) in pages)
            {
                var (html, doc) = await TestApp.GetHtmlAsync(browser, url);
                SafeHtml.Problems(doc).ShouldBeEmpty($"{url} shows an injected payload");
                if (payload.Length > 0)
                {
                    // The payload is there, as text or as a form value, not dropped.
                    var shown = doc.Body!.TextContent + string.Join("\n", doc.QuerySelectorAll("input, textarea").Select(e => e.GetAttribute("value") ?? e.TextContent));
                    shown.ShouldContain(payload.Replace("mailto:", "", StringComparison.Ordinal).Trim().Split('\n')[0][..Math.Min(10, payload.Length)], Case.Sensitive, url);
                }
                html.ShouldNotContain("<script>window.__xss", Case.Insensitive, url);
            }
        }
        finally
        {
            foreach (var location in locations)
            {
                await api.PostAsync($"/api/v1/locations/{location}/deactivate", null);
            }
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class FreeTextTests_Sqlite(SqliteTestApp app) : FreeTextTests(app);

[Collection(PostgresCollection.Name)]
public sealed class FreeTextTests_Postgres(PostgresTestApp app) : FreeTextTests(app);
