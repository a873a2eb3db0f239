using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Tests.Infrastructure;

namespace Cotravail.Tests.Modules.Staff;

/// /admin/staff: the list with its search, the grant form and the remove buttons.
public abstract class StaffPageTests(TestApp app)
{
    [Fact]
    public async Task A_grant_with_an_unknown_email_redisplays_the_form_with_the_typed_values()
    {
        var (browser, locationId) = await AdminBrowserAsync("Staff Form");
        var typed = TestApp.NewEmail("nobody");

        using var response = await TestApp.PostFormAsync(browser, "/admin/staff?handler=Grant", new Dictionary<string, string>
        {
            ["Input.Email"] = typed,
            ["Input.LocationId"] = locationId.ToString(),
            ["Input.Role"] = "Manager",
        }, "/admin/staff");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = (await TestApp.ParseAsync(response)).Doc;
        doc.QuerySelector("#Input_Email")!.GetAttribute("value").ShouldBe(typed);
        doc.QuerySelector("#Input_Email-error")!.TextContent.ShouldBe("Aucun compte n'utilise cet e-mail.");
        doc.QuerySelector("#Input_LocationId option[selected]")!.GetAttribute("value").ShouldBe(locationId.ToString());
        doc.QuerySelector("#Input_Role option[selected]")!.GetAttribute("value").ShouldBe("Manager");
    }

    [Fact]
    public async Task An_admin_grants_then_removes_a_role_from_the_page_and_finds_the_person_by_search()
    {
        var (browser, locationId) = await AdminBrowserAsync("Staff Page");
        var email = TestApp.NewEmail("page-host");
        var user = await app.CreateUserAsync(email);

        using (var granted = await TestApp.PostFormAsync(browser, "/admin/staff?handler=Grant", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.LocationId"] = locationId.ToString(),
            ["Input.Role"] = "Host",
        }, "/admin/staff"))
        {
            granted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        var (_, found) = await TestApp.GetHtmlAsync(browser, $"/admin/staff?search={Uri.EscapeDataString(email[..24])}");
        var row = found.QuerySelectorAll("#staff tbody tr").Single();
        row.GetAttribute("data-email").ShouldBe(email);
        row.QuerySelector(".staff-role span")!.TextContent.ShouldBe("Accueil à Staff Page");

        using (var removed = await TestApp.PostFormAsync(browser, "/admin/staff?handler=Revoke", new Dictionary<string, string>
        {
            ["userId"] = user.Id.ToString(),
            ["locationId"] = locationId.ToString(),
        }, "/admin/staff"))
        {
            removed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
        var (_, after) = await TestApp.GetHtmlAsync(browser, $"/admin/staff?search={Uri.EscapeDataString(email[..24])}");
        after.QuerySelectorAll("#staff tbody tr").ShouldBeEmpty("without a role the account is no longer staff");
    }

    private async Task<(HttpClient Browser, Guid LocationId)> AdminBrowserAsync(string locationName)
    {
        var email = TestApp.NewEmail("staff-page-admin");
        await app.CreateUserAsync(email, networkAdmin: true);
        using var api = await app.ClientForAsync(email);
        using var created = await api.PostAsJsonAsync("/api/v1/locations", TestData.Location(locationName, TestData.NewSlug("staffpage")));
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        return (await app.BrowserClientAsync(email), id);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class StaffPageTests_Sqlite(SqliteTestApp app) : StaffPageTests(app);

[Collection(PostgresCollection.Name)]
public sealed class StaffPageTests_Postgres(PostgresTestApp app) : StaffPageTests(app);
