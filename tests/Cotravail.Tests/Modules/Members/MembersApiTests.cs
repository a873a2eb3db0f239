using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cotravail.Modules.Demo;
using Cotravail.Tests.Infrastructure;
using Cotravail.Tests.Modules.Locations;

namespace Cotravail.Tests.Modules.Members;

public abstract class MembersApiTests(TestApp app)
{
    private static object NewMember(Guid homeLocationId, string email, Guid? companyId = null) => TestData.Member(homeLocationId, email, companyId);

    private static string UniqueEmail() => $"ines.{Guid.NewGuid():N}@test.example";

    [Fact]
    public async Task A_manager_registers_a_member_of_their_location()
    {
        var manager = await app.ClientForAsync(DemoAccounts.ParisManager);
        var paris = await LocationsApiTests.LocationIdAsync(manager, DemoAccounts.ParisSlug);
        var email = UniqueEmail();
        var response = await manager.PostAsJsonAsync("/api/v1/members", NewMember(paris, email.ToUpperInvariant()));
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var member = await response.Content.ReadFromJsonAsync<JsonElement>();
        member.GetProperty("email").GetString().ShouldBe(email);
        member.GetProperty("homeLocationName").GetString().ShouldNotBeNullOrEmpty();
        var id = member.GetProperty("id").GetGuid();
        (await manager.GetFromJsonAsync<JsonElement>($"/api/v1/members/{id}")).GetProperty("category").GetString().ShouldBe("Freelancer");
    }

    [Fact]
    public async Task An_email_is_used_by_one_member_only_whatever_its_case()
    {
        var admin = await app.ClientForAsync(DemoAccounts.NetworkAdmin);
        var paris = await LocationsApiTests.LocationIdAsync(admin, DemoAccounts.ParisSlug);
        var email = UniqueEmail();
        (await admin.PostAsJsonAsync("/api/v1/members", NewMember(paris, email))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var duplicate = await admin.PostAsJsonAsync("/api/v1/members", NewMember(paris, "  " + email.ToUpperInvariant()));
        duplicate.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await duplicate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("email", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task A_manager_sees_only_the_members_of_their_locations()
    {
        var admin = await app.ClientForAsync(DemoAccounts.NetworkAdmin);
        var paris = await LocationsApiTests.LocationIdAsync(admin, DemoAccounts.ParisSlug);
        var lyon = await LocationsApiTests.LocationIdAsync(admin, DemoAccounts.LyonSlug);
        var manager = await app.ClientForAsync(DemoAccounts.ParisManager);
        var page = await manager.GetFromJsonAsync<JsonElement>("/api/v1/members?pageSize=100");
        page.GetProperty("items").EnumerateArray().ShouldAllBe(m => m.GetProperty("homeLocationId").GetGuid() == paris);
        page.GetProperty("totalCount").GetInt32().ShouldBeGreaterThan(0);

        var lyonMembers = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/members?locationId={lyon}&pageSize=1");
        var lyonMember = lyonMembers.GetProperty("items")[0].GetProperty("id").GetGuid();
        (await manager.GetAsync($"/api/v1/members/{lyonMember}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await manager.PostAsJsonAsync("/api/v1/members", NewMember(lyon, UniqueEmail()))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_member_sees_only_themselves_and_a_company_admin_their_company()
    {
        var member = await app.ClientForAsync(DemoAccounts.Member);
        var own = await member.GetFromJsonAsync<JsonElement>("/api/v1/members");
        own.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("email").GetString()).ShouldBe([DemoAccounts.Member]);

        var companyAdmin = await app.ClientForAsync(DemoAccounts.CompanyAdmin);
        var team = await companyAdmin.GetFromJsonAsync<JsonElement>("/api/v1/members?pageSize=100");
        var items = team.GetProperty("items").EnumerateArray().ToList();
        items.Count.ShouldBeGreaterThan(1);
        var companyId = items.First(m => m.GetProperty("email").GetString() == DemoAccounts.CompanyAdmin).GetProperty("companyId").GetGuid();
        items.ShouldAllBe(m => m.GetProperty("companyId").GetGuid() == companyId);
    }

    [Fact]
    public async Task A_member_cannot_change_members_nor_their_own_company()
    {
        var member = await app.ClientForAsync(DemoAccounts.Member);
        var self = (await member.GetFromJsonAsync<JsonElement>("/api/v1/members")).GetProperty("items")[0];
        var id = self.GetProperty("id").GetGuid();
        var change = new
        {
            firstName = "Moi",
            lastName = "Même",
            email = DemoAccounts.Member,
            category = "Freelancer",
            homeLocationId = self.GetProperty("homeLocationId").GetGuid(),
            isCompanyAdmin = true,
        };
        (await member.PutAsJsonAsync($"/api/v1/members/{id}", change)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var after = await member.GetFromJsonAsync<JsonElement>($"/api/v1/members/{id}");
        after.GetProperty("isCompanyAdmin").GetBoolean().ShouldBeFalse();
        after.GetProperty("firstName").GetString().ShouldNotBe("Moi");
    }

    [Fact]
    public async Task Invalid_members_are_refused_with_each_field_named()
    {
        var admin = await app.ClientForAsync(DemoAccounts.NetworkAdmin);
        var response = await admin.PostAsJsonAsync("/api/v1/members", new { firstName = "", lastName = new string('x', 101), email = "not-an-email", category = "Freelancer", phone = "call me" });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "firstName", "lastName", "email", "phone", "homeLocationId" })
        {
            errors.TryGetProperty(field, out _).ShouldBeTrue(field);
        }
    }

    [Fact]
    public async Task Deactivating_a_member_keeps_their_record()
    {
        var admin = await app.ClientForAsync(DemoAccounts.NetworkAdmin);
        var lyon = await LocationsApiTests.LocationIdAsync(admin, DemoAccounts.LyonSlug);
        var created = await (await admin.PostAsJsonAsync("/api/v1/members", NewMember(lyon, UniqueEmail()))).Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetGuid();
        var lyonManager = await app.ClientForAsync(DemoAccounts.LyonManager);
        (await lyonManager.PostAsync($"/api/v1/members/{id}/deactivate", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var inactive = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/members?active=false&pageSize=100&search={created.GetProperty("email").GetString()}");
        inactive.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetGuid()).ShouldContain(id);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class MembersApiTests_Sqlite(SqliteTestApp app) : MembersApiTests(app);

[Collection(PostgresCollection.Name)]
public sealed class MembersApiTests_Postgres(PostgresTestApp app) : MembersApiTests(app);
